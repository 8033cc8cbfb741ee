using Microsoft.Bot.Builder;

namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>Any non-empty text.</summary>
public sealed class TextPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    protected override string RetryHint(PromptOptions options) => PromptTexts.TextRetry;

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, string? text, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text) ? PromptRecognizerResult<string>.Failed : new PromptRecognizerResult<string>(true, text.Trim()));
}
