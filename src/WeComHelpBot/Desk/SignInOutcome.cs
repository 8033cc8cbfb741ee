namespace WeComHelpBot.Desk;

public enum SignInOutcome
{
    Succeeded,

    /// <summary>Unknown name or wrong password: the caller does not learn which.</summary>
    Failed,

    LockedOut,

    Disabled,
}
