using Microsoft.Bot.Builder;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>A Chinese mobile number; the value is its 11 digits. Callers mask it before storing it.</summary>
public sealed class PhoneNumberPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    protected override string RetryHint => PromptTexts.PhoneRetry;

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, string? text, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(PhoneNumberRecognition.RecognizeMobile(text) is { } mobile
            ? new PromptRecognizerResult<string>(true, mobile)
            : PromptRecognizerResult<string>.Failed);
}
