namespace WeComHelpBot.Dialogs.Flows;

/// <summary>What an action sees: where it runs, the flow's variables, and its own arguments (the step's with:, filled in).</summary>
public sealed record FlowActionContext(
    string FlowId,
    string StepId,
    string? ChannelId,
    string? ConversationId,
    string? UserId,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyDictionary<string, string> Arguments)
{
    /// <summary>
    /// On a prompt step that names an action: the answer exactly as recognized (for a phone step the full number).
    /// It is handed over for this one call and never stored; the step's var: keeps the masked form.
    /// </summary>
    public string? Answer { get; init; }

    /// <summary>
    /// What the user answered in this flow and in the flows it was called from or interrupted (转人工), as
    /// "flow-id.variable" → value, outermost flow first. Starting values nobody changed are left out.
    /// </summary>
    public IReadOnlyDictionary<string, string> Answers { get; init; } = new Dictionary<string, string>();
}
