using Microsoft.Bot.Builder;

namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>Lets the flow runner ask whether a reply fits the waiting prompt without spending an attempt.</summary>
public interface IRecognizingPrompt
{
    Task<bool> CanRecognizeAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default);

    /// <summary>The value <paramref name="text"/> gives as an answer to a prompt with these options, or null.</summary>
    Task<object?> RecognizeTextAsync(ITurnContext turnContext, string text, PromptOptions options, CancellationToken cancellationToken = default);
}
