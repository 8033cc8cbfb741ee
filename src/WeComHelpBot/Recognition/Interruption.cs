namespace WeComHelpBot.Recognition;

/// <summary>Words that work at any step of a flow.</summary>
public enum Interruption
{
    None,
    Cancel,
    Help,
    Restart,
    Handover,
}
