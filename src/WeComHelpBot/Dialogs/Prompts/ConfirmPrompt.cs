using Microsoft.Bot.Builder;
using WeComHelpBot.Dialogs.Choices;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>
/// Yes or no. The yes/no recognizer goes first; then the numbered choices, where 1 means yes and 2 means no.
/// The two labels default to 是 / 不是; a flow may name its own (有 / 还没有) through the options' two choices.
/// </summary>
public sealed class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    public static readonly IReadOnlyList<Choice> DefaultChoices = [new("是"), new("不是")];

    protected override string RetryHint => PromptTexts.ConfirmRetry;

    protected override IReadOnlyList<Choice> ChoicesFor(PromptOptions options) =>
        options.Choices.Count == 2 ? options.Choices : DefaultChoices;

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, string? text, PromptOptions options, CancellationToken cancellationToken)
    {
        var choices = ChoicesFor(options);
        var labels = ChoiceMatcher.Match(text, choices.Select(c => (IReadOnlyList<string>)[c.Value, .. c.Synonyms]).ToList());
        if (labels is { Kind: ChoiceMatchKind.Exact })
        {
            return Task.FromResult(new PromptRecognizerResult<bool>(true, labels.Index == 0));
        }

        var yesNo = YesNoRecognizer.Recognize(text);
        if (yesNo is { } value)
        {
            return Task.FromResult(new PromptRecognizerResult<bool>(true, value));
        }

        return Task.FromResult(labels is { Kind: ChoiceMatchKind.Number or ChoiceMatchKind.Ordinal or ChoiceMatchKind.Contained }
            ? new PromptRecognizerResult<bool>(true, labels.Index == 0)
            : PromptRecognizerResult<bool>.Failed);
    }
}
