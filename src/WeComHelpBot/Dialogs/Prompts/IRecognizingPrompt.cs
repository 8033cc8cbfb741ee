using Microsoft.Bot.Builder;

namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>Lets the flow runner ask whether a reply fits the waiting prompt without spending an attempt.</summary>
public interface IRecognizingPrompt
{
    Task<bool> CanRecognizeAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default);
}
