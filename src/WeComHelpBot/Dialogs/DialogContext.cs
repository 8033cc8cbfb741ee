using Microsoft.Bot.Builder;
using WeComHelpBot.Dialogs.Prompts;

namespace WeComHelpBot.Dialogs;

/// <summary>The dialog stack of one conversation during one turn, and the operations that change it.</summary>
public sealed class DialogContext
{
    private readonly DialogState state;

    public DialogContext(DialogSet dialogs, ITurnContext context, DialogState state)
    {
        Dialogs = dialogs;
        Context = context;
        this.state = state;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    /// <summary>The stack, top first.</summary>
    public IReadOnlyList<DialogInstance> Stack => state.DialogStack;

    public DialogInstance? ActiveDialog => state.DialogStack.Count > 0 ? state.DialogStack[0] : null;

    /// <summary>Pushes the dialog and runs its begin. Throws when the id is unknown.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, DialogOptions? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = FindOrThrow(dialogId);
        state.DialogStack.Insert(0, new DialogInstance { Id = dialogId });
        return dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default) =>
        BeginDialogAsync(dialogId, DialogOptions.ForPrompt(options), cancellationToken);

    /// <summary>Hands the user's reply to the active dialog; Empty when nothing is active.</summary>
    public Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        var active = ActiveDialog;
        return active is null
            ? Task.FromResult(new DialogTurnResult(DialogTurnStatus.Empty))
            : FindOrThrow(active.Id).ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>Pops the active dialog and resumes its parent with <paramref name="result"/>; Complete when the stack is then empty.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken);
        var parent = ActiveDialog;
        return parent is null
            ? new DialogTurnResult(DialogTurnStatus.Complete, result)
            : await FindOrThrow(parent.Id).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken);
    }

    /// <summary>Ends every dialog top-down (reason CancelCalled) without resuming any parent.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (state.DialogStack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (state.DialogStack.Count > 0)
        {
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Ends the active dialog and begins another in its place, without resuming the parent in between.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, DialogOptions? options = null, CancellationToken cancellationToken = default)
    {
        FindOrThrow(dialogId);
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>
    /// Ends the active dialog without resuming its parent: the parent then takes over the turn itself (a flow going
    /// back a step, or changing an earlier answer, drops the prompt that was waiting).
    /// </summary>
    public Task PopAsync(CancellationToken cancellationToken = default) => EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken);

    /// <summary>Asks the active dialog to ask its question again.</summary>
    public Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        var active = ActiveDialog;
        return active is null ? Task.CompletedTask : FindOrThrow(active.Id).RepromptDialogAsync(Context, active, cancellationToken);
    }

    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId);

    private Dialog FindOrThrow(string dialogId) =>
        Dialogs.Find(dialogId) ?? throw new InvalidOperationException($"Unknown dialog id '{dialogId}'.");

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        var instance = ActiveDialog;
        if (instance is null)
        {
            return;
        }

        var dialog = Dialogs.Find(instance.Id);
        if (dialog is not null)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken);
        }

        state.DialogStack.RemoveAt(0);
    }
}
