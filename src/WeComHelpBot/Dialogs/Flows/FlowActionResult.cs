namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// What an action gives back: a message for the user, a value kept in the step's var:, and other variables to set.
/// </summary>
public sealed record FlowActionResult(string? Message = null, string? Value = null)
{
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
}
