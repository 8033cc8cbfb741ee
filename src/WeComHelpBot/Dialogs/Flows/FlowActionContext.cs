namespace WeComHelpBot.Dialogs.Flows;

/// <summary>What an action sees: where it runs, the flow's variables, and its own arguments (the step's with:, filled in).</summary>
public sealed record FlowActionContext(
    string FlowId,
    string StepId,
    string? ChannelId,
    string? ConversationId,
    string? UserId,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyDictionary<string, string> Arguments);
