namespace WeComHelpBot.Recognition;

/// <summary>How a message answers "rate us 1–5": a rating (with any reason typed after it), a refusal, a number out of range, or none of these.</summary>
public sealed record RatingReply(int? Rating, string? Reason = null, bool Declined = false, bool OutOfRange = false)
{
    public static RatingReply None { get; } = new((int?)null);

    public static RatingReply Decline { get; } = new((int?)null, Declined: true);
}
