using Microsoft.Bot.Builder;
using WeComHelpBot.Dialogs.Choices;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>One of the options' choices: by value, synonym, a phrase containing one ("人脸识别吧"), an ordinal ("第二个") or a number.</summary>
public sealed class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(dialogId, validator)
{
    protected override string RetryHint => PromptTexts.ChoiceRetry;

    protected override IReadOnlyList<Choice> ChoicesFor(PromptOptions options) => options.Choices;

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, string? text, PromptOptions options, CancellationToken cancellationToken)
    {
        var match = ChoiceMatcher.Match(text, options.Choices.Select(c => (IReadOnlyList<string>)[c.Value, .. c.Synonyms]).ToList());
        return Task.FromResult(match is null
            ? PromptRecognizerResult<FoundChoice>.Failed
            : new PromptRecognizerResult<FoundChoice>(true, new FoundChoice(options.Choices[match.Index].Value, match.Index, match.Kind)));
    }
}
