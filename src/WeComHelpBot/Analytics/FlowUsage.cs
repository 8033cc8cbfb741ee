namespace WeComHelpBot.Analytics;

public sealed record FlowUsage(string FlowId, int Started, int Completed);
