using Microsoft.Bot.Builder;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>A company, shop or unit name, taken out of the words around it ("刚才说过了，X公司" → X公司).</summary>
public sealed class CompanyNamePrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    protected override string RetryHint(PromptOptions options) => PromptTexts.CompanyRetry;

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, string? text, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(CompanyNameRecognizer.Recognize(text) is { } name ? new PromptRecognizerResult<string>(true, name) : PromptRecognizerResult<string>.Failed);
}
