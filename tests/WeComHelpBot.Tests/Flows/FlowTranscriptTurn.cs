namespace WeComHelpBot.Tests.Flows;

/// <summary>One user message and what the bot's replies in that turn must (and must not) contain.</summary>
public sealed class FlowTranscriptTurn
{
    public string User { get; set; } = string.Empty;

    public List<string> Bot { get; set; } = [];

    public List<string> Not { get; set; } = [];
}
