namespace WeComHelpBot.Desk;

public enum ReplyOutcome
{
    Delivered,

    /// <summary>No ticket with that number.</summary>
    NotFound,

    /// <summary>No messenger delivers to the ticket's channel (the terminal chat, an older ticket without an address).</summary>
    NoChannel,

    /// <summary>The channel refused it or the conversation is gone.</summary>
    NotDelivered,
}
