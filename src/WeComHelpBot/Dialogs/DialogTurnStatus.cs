namespace WeComHelpBot.Dialogs;

public enum DialogTurnStatus
{
    /// <summary>Nothing was active on the stack.</summary>
    Empty,

    /// <summary>The active dialog is waiting for the user.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended this turn.</summary>
    Complete,

    /// <summary>The stack was cancelled this turn.</summary>
    Cancelled,

    /// <summary>The dialog ended and the bot expects a reply (kept for parity with Bot Builder).</summary>
    CompleteAndWait,
}
