namespace WeComHelpBot.Dialogs;

/// <summary>The dialog stack of one conversation. The top of the stack is index 0, as in Bot Builder.</summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; set; } = [];
}
