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

    /// <summary>Where each new ticket is posted as a WeCom group-robot (消息推送) markdown message; null or empty posts nothing.</summary>
    public string? NotifyWebhookUrl { get; set; }

    /// <summary>How long the webhook may take before the notification is given up (it never holds up the user's turn).</summary>
    public TimeSpan NotifyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A new ticket nobody has answered after this long is flagged in the console.</summary>
    public TimeSpan UnansweredAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>When agents are at work, China time, e.g. "09:00-18:00"; empty (the default) means at any hour.</summary>
    public string WorkingHours { get; set; } = string.Empty;

    /// <summary>The working days, ISO numbers (1 = Monday … 7 = Sunday), e.g. "1-5" or "1,2,3,4,5,6"; empty means every day.</summary>
    public string WorkingDays { get; set; } = string.Empty;

    /// <summary>What the user is told, in place of <see cref="TicketExpectedResponse"/>, when the hand-over comes outside working hours.</summary>
    public string AgentAwayMessage { get; set; } = "现在是非工作时间（客服工作时间：周一至周五 9:00–18:00），客服上班后会第一时间通过您留下的手机号联系您。";

    /// <summary>Wrong passwords in a row after which a console account is locked.</summary>
    public int SignInAttempts { get; set; } = 5;

    /// <summary>How long a locked console account stays locked.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Limits on member files sent in chat ("Support:MemberFiles").</summary>
    public MemberFileOptions MemberFiles { get; set; } = new();
}
