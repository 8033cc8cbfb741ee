namespace WeComHelpBot.Dialogs;

/// <summary>Why a dialog (or a waterfall step) is being run or ended.</summary>
public enum DialogReason
{
    BeginCalled,
    ContinueCalled,
    EndCalled,
    ReplaceCalled,
    CancelCalled,
    NextCalled,
}
