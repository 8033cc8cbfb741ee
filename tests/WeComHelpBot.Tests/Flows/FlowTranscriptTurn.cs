namespace WeComHelpBot.Tests.Flows;

/// <summary>One user message and what the bot's replies in that turn must (and must not) contain.</summary>
public sealed class FlowTranscriptTurn
{
    public string User { get; set; } = string.Empty;

    public List<string> Bot { get; set; } = [];

    public List<string> Not { get; set; } = [];

    /// <summary>Before this turn the session is closed and opened again: a new bot on the same storage (a later session).</summary>
    public bool Reopen { get; set; }
}
