using Microsoft.Bot.Builder;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>A number written in digits or Chinese numerals, inside a sentence or not ("大概三百人", "120个员工").</summary>
public sealed class NumberPrompt(string dialogId, PromptValidator<decimal>? validator = null) : Prompt<decimal>(dialogId, validator)
{
    protected override string RetryHint(PromptOptions options) => PromptTexts.NumberRetry;

    protected override Task<PromptRecognizerResult<decimal>> OnRecognizeAsync(ITurnContext turnContext, string? text, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(NumberRecognition.RecognizeNumber(text) is { } value
            ? new PromptRecognizerResult<decimal>(true, value)
            : PromptRecognizerResult<decimal>.Failed);
}
