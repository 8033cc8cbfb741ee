using Microsoft.Bot.Builder;

namespace WeComHelpBot.Dialogs;

/// <summary>The dialogs a bot knows, by id, and the state accessor that keeps their stack.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> dialogs = new(StringComparer.Ordinal);
    private readonly IStatePropertyAccessor<DialogState>? dialogState;

    public DialogSet(IStatePropertyAccessor<DialogState>? dialogState = null)
    {
        this.dialogState = dialogState;
    }

    public IEnumerable<Dialog> Dialogs => dialogs.Values;

    /// <summary>Adds a dialog. Unlike Bot Builder, which renames a duplicate id silently, a duplicate throws.</summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new InvalidOperationException($"A dialog with id '{dialog.Id}' is already in the set.");
        }

        return this;
    }

    public Dialog? Find(string dialogId) => dialogs.GetValueOrDefault(dialogId);

    /// <summary>A context over the stack saved for this conversation (an empty stack for a new one).</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (dialogState is null)
        {
            throw new InvalidOperationException("This DialogSet was created without a state accessor.");
        }

        var state = await dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        return new DialogContext(this, turnContext, state);
    }
}
