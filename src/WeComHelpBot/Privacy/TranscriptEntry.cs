namespace WeComHelpBot.Privacy;

/// <summary>One stored line of a conversation. <see cref="Text"/> is always masked.</summary>
public sealed record TranscriptEntry(
    string ConversationId,
    string ChannelId,
    DateTimeOffset Timestamp,
    TranscriptDirection Direction,
    string Text);
