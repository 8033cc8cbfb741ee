using Microsoft.Bot.Builder;
using WeComHelpBot.Dialogs.Prompts;

namespace WeComHelpBot.Dialogs;

/// <summary>What a waterfall step sees: why it runs, the previous step's result, the shared values, and the stack.</summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog parent;
    private readonly DialogInstance instance;
    private bool nextCalled;

    internal WaterfallStepContext(WaterfallDialog parent, DialogContext dc, DialogInstance instance, int index, DialogReason reason, object? result)
    {
        this.parent = parent;
        this.instance = instance;
        DialogContext = dc;
        Index = index;
        Reason = reason;
        Result = result;
    }

    public DialogContext DialogContext { get; }

    public ITurnContext Context => DialogContext.Context;

    public int Index { get; }

    public DialogReason Reason { get; }

    /// <summary>A child's result (EndCalled), the value given to NextAsync (NextCalled), or the user's text (ContinueCalled).</summary>
    public object? Result { get; }

    /// <summary>Values shared by all steps of this waterfall; kept in conversation state between turns.</summary>
    public IDictionary<string, string> Values => instance.Values;

    /// <summary>The values the waterfall was begun with.</summary>
    public IReadOnlyDictionary<string, string> Options => instance.Options;

    /// <summary>Skips to the next step in this turn. Calling it twice in one step throws.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of waterfall '{parent.Id}'.");
        }

        nextCalled = true;
        return parent.ResumeDialogAsync(DialogContext, DialogReason.NextCalled, result, cancellationToken);
    }

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, DialogOptions? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default) =>
        DialogContext.PromptAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default) =>
        DialogContext.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, DialogOptions? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.ReplaceDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default) =>
        DialogContext.CancelAllDialogsAsync(cancellationToken);
}
