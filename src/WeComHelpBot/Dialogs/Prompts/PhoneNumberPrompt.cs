using Microsoft.Bot.Builder;
using WeComHelpBot.Dialogs.Choices;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>
/// A Chinese mobile number; the value is its 11 digits. Callers mask it before storing it. A retry says what is wrong
/// with the number that was sent (too short, a landline…) before asking again.
/// </summary>
public sealed class PhoneNumberPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    protected override string RetryHint(PromptOptions options) => PromptTexts.PhoneRetry;

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, string? text, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(PhoneNumberRecognition.RecognizeMobile(text) is { } mobile
            ? new PromptRecognizerResult<string>(true, mobile)
            : PromptRecognizerResult<string>.Failed);

    protected override async Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        if (!isRetry)
        {
            await base.OnPromptAsync(turnContext, options, isRetry, cancellationToken);
            return;
        }

        var reason = PhoneNumberRecognition.DescribeProblem(turnContext.Activity.Text);
        var text = $"{reason}\n{options.RetryPrompt ?? $"{PromptTexts.PhoneRetry}\n{options.Prompt}"}";
        await turnContext.SendActivityAsync(ChoiceFactory.WithButtons(turnContext.Activity.ChannelId, text, []), cancellationToken);
    }
}
