namespace WeComHelpBot.Dialogs.Flows;

/// <summary>The flow a message asks for, the trigger it resembles most, and how closely (0..1).</summary>
public sealed record FlowTriggerMatch(FlowDefinition Flow, string Trigger, double Score);
