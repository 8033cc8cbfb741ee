namespace WeComHelpBot.Dialogs;

/// <summary>The dialog stack of one conversation. The top of the stack is index 0, as in Bot Builder.</summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; set; } = [];

    /// <summary>
    /// Newtonsoft's convention: an empty stack is not written (read back as the empty default). Every message creates the
    /// dialog context, so with no flow running the empty list and its <c>$type</c> were saved, and hashed by Bot Builder at
    /// each load and save, in every conversation.
    /// </summary>
    public bool ShouldSerializeDialogStack() => DialogStack.Count > 0;
}
