using WeComHelpBot.Members;

namespace WeComHelpBot.Support;

/// <summary>Settings of the support area, bound from the "Support" configuration section.</summary>
public sealed class SupportOptions
{
    public const string SectionName = "Support";

    /// <summary>Transcripts older than this many days are deleted at start-up; null or 0 keeps them.</summary>
    public int? TranscriptRetentionDays { get; set; }

    /// <summary>How many of the latest transcript lines a new ticket carries.</summary>
    public int TicketRecentTurns { get; set; } = 12;

    /// <summary>What the user is told about when support will answer a ticket.</summary>
    public string TicketExpectedResponse { get; set; } = "客服一般会在 24 小时内通过您留下的手机号联系您（节假日可能顺延）。";

    /// <summary>Limits on member files sent in chat ("Support:MemberFiles").</summary>
    public MemberFileOptions MemberFiles { get; set; } = new();
}
