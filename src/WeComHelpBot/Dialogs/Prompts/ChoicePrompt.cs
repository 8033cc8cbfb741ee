using Microsoft.Bot.Builder;
using WeComHelpBot.Dialogs.Choices;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>
/// One of the options' choices: by value, synonym, a phrase containing one ("人脸识别吧"), an ordinal ("第二个"), a number,
/// or a description that matches one option's words and description clearly; a description that fits two options
/// gets one short question naming both.
/// </summary>
public sealed class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(dialogId, validator)
{
    protected override string RetryHint(PromptOptions options) => PromptTexts.ChoiceRetry;

    protected override IReadOnlyList<Choice> ChoicesFor(PromptOptions options) => options.Choices;

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, string? text, PromptOptions options, CancellationToken cancellationToken)
    {
        var choices = options.Choices;
        var match = ChoiceMatcher.Match(text, choices.Select(c => (IReadOnlyList<string>)[c.Value, .. c.Synonyms]).ToList(), choices.Select(c => c.Description).ToList());
        return Task.FromResult(match switch
        {
            null => PromptRecognizerResult<FoundChoice>.Failed,
            { IsAmbiguous: true } => PromptRecognizerResult<FoundChoice>.Ask(PromptTexts.WhichOfTwo(choices[match.Index].Value, choices[match.Other].Value)),
            _ => new PromptRecognizerResult<FoundChoice>(true, new FoundChoice(choices[match.Index].Value, match.Index, match.Kind)),
        });
    }
}
