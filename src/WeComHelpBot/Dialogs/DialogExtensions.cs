using Microsoft.Bot.Builder;

namespace WeComHelpBot.Dialogs;

public static class DialogExtensions
{
    /// <summary>
    /// One turn of a bot driven by a dialog set (Bot Builder's DialogExtensions.RunAsync): continue the active
    /// dialog, or begin <paramref name="rootDialogId"/> when nothing is active. The caller saves conversation state.
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(this DialogSet dialogs, string rootDialogId, ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var dc = await dialogs.CreateContextAsync(turnContext, cancellationToken);
        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(rootDialogId, null, cancellationToken);
        }

        return result;
    }
}
