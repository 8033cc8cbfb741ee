using Microsoft.Bot.Builder;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>When something happened, as a date or an elapsed time ("3天前", "上周五", "两个工作日了"), relative to the given clock.</summary>
public sealed class DateTimePrompt(string dialogId, TimeProvider timeProvider, PromptValidator<ElapsedTime>? validator = null)
    : Prompt<ElapsedTime>(dialogId, validator)
{
    protected override string RetryHint(PromptOptions options) => PromptTexts.DateTimeRetry;

    protected override Task<PromptRecognizerResult<ElapsedTime>> OnRecognizeAsync(ITurnContext turnContext, string? text, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(ElapsedTimeRecognizer.Recognize(text, timeProvider.GetLocalNow()) is { } elapsed
            ? new PromptRecognizerResult<ElapsedTime>(true, elapsed)
            : PromptRecognizerResult<ElapsedTime>.Failed);
}
