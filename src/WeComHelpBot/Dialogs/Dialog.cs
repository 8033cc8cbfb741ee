using Microsoft.Bot.Builder;

namespace WeComHelpBot.Dialogs;

/// <summary>Base of every dialog: an id and the begin / continue / resume / reprompt / end hooks the stack calls.</summary>
public abstract class Dialog
{
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    protected Dialog(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    public string Id { get; }

    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, DialogOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>The user replied while this dialog was active. Default: end.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default) =>
        dc.EndDialogAsync(null, cancellationToken);

    /// <summary>A child this dialog started has ended. Default: end with the child's result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Ask the user again for what this dialog is waiting for. Default: nothing.</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    /// <summary>The dialog is leaving the stack (ended, replaced or cancelled). Default: nothing.</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;
}
