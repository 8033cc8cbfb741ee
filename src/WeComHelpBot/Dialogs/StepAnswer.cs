namespace WeComHelpBot.Dialogs;

/// <summary>
/// One answer in a flow's history: the step, the variables as they were before it (to undo it), what it wrote, the
/// option picked (for its goto) and the answer as the user typed it. Mutable properties so JSON storages round-trip it.
/// </summary>
public sealed class StepAnswer
{
    public string StepId { get; set; } = string.Empty;

    public Dictionary<string, string> Before { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Written { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The option picked at a choice step, -1 otherwise.</summary>
    public int ChoiceIndex { get; set; } = -1;
}
