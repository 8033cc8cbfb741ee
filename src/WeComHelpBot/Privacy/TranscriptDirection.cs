namespace WeComHelpBot.Privacy;

public enum TranscriptDirection
{
    /// <summary>Sent by the user to the bot.</summary>
    Incoming,

    /// <summary>Sent by the bot.</summary>
    Outgoing,
}
