using WeComHelpBot.Desk;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Privacy;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Server.Desk;

/// <summary>How tickets look to the console: list rows and the ticket page, with the flow's answers under their questions.</summary>
public sealed class ConsoleTicketViews(FlowCatalog flows, PersonalDataMasker masker)
{
    public static string ChannelText(string channelId) => channelId switch
    {
        "directline" or "webchat" => "网页聊天",
        "wecom" => "企业微信",
        "wecom-kf" or "wecomkf" => "微信客服",
        "msteams" => "Teams",
        "" => "未知",
        _ => channelId,
    };

    public static string StatusCode(DeskStatus status) => status switch
    {
        DeskStatus.New => "new",
        DeskStatus.InProgress => "inProgress",
        DeskStatus.Resolved => "resolved",
        _ => "closed",
    };

    public static DeskStatus? ParseStatus(string? text) => (text ?? string.Empty).Trim() switch
    {
        "new" or "新建" => DeskStatus.New,
        "inProgress" or "处理中" => DeskStatus.InProgress,
        "resolved" or "已解决" => DeskStatus.Resolved,
        "closed" or "已关闭" => DeskStatus.Closed,
        _ => null,
    };

    /// <summary>A closed ticket (`tickets close` too) is 已关闭 whatever the desk last said.</summary>
    public static DeskStatus StatusOf(Ticket ticket, TicketDeskRecord record) =>
        ticket.Status == TicketStatus.Closed ? DeskStatus.Closed : record.Status;

    public static bool IsUnread(TicketDeskRecord record, string user) => !record.ReadBy.Contains(user, StringComparer.OrdinalIgnoreCase);

    public static bool IsUnanswered(Ticket ticket, TicketDeskRecord record, DateTimeOffset now, TimeSpan after) =>
        StatusOf(ticket, record) == DeskStatus.New && record.FirstReplyAt is null && now - ticket.CreatedAt > after;

    public object Row(Ticket ticket, TicketDeskRecord record, string user, DateTimeOffset now, TimeSpan unansweredAfter)
    {
        var status = StatusOf(ticket, record);
        return new
        {
            id = ticket.Number,
            status = StatusCode(status),
            statusText = DeskTexts.StatusText(status),
            category = ticket.FailureCategory,
            summary = ticket.FailureDescription,
            company = ticket.CompanyName,
            conversationId = ticket.ConversationId,
            channel = record.ChannelId,
            channelText = ChannelText(record.ChannelId),
            createdAt = ticket.CreatedAt,
            assignee = record.Assignee,
            unread = IsUnread(record, user),
            unanswered = IsUnanswered(ticket, record, now, unansweredAfter),
        };
    }

    public object Detail(Ticket ticket, TicketDeskRecord record, IReadOnlyList<TranscriptEntry> transcript, HandoverHold? hold, string user, DateTimeOffset now, TimeSpan unansweredAfter)
    {
        var lines = transcript
            .Select(t => new ConsoleLine(t.Timestamp, t.Direction == TranscriptDirection.Incoming ? "user" : "bot", t.Direction == TranscriptDirection.Incoming ? "用户" : "机器人", t.Text))
            .Concat(record.AgentMessages.Select(m => new ConsoleLine(m.At, "agent", m.Author, m.Text)))
            .OrderBy(l => l.At)
            .ToList();
        return new
        {
            ticket = Row(ticket, record, user, now, unansweredAfter),
            contactPhone = masker.MaskPhone(ticket.ContactPhone),
            diagnosis = ticket.FailureDescription,
            source = ticket.Source,
            expectedResponse = ticket.ExpectedResponse,
            answers = ticket.Answers.Select(a => new { key = a.Key, label = LabelOf(a.Key), value = a.Value }),
            transcript = lines.Select(l => new { at = l.At, from = l.From, name = l.Name, text = l.Text }),
            notes = record.Notes.Select(n => new { at = n.At, author = n.Author, text = n.Text }),
            history = record.History.Select(n => new { at = n.At, author = n.Author, text = n.Text }),
            held = hold is not null,
            heldBy = hold?.Agent,
            canReply = record.ProtectedAddress is not null,
        };
    }

    /// <summary>
    /// "troubleshooting.transfer_days" → the question the flow asked for it ("打款过去几天了？"), so the desk reads plain
    /// words; the flow's title stands before it. A key no flow knows any more is shown as it is.
    /// </summary>
    public string LabelOf(string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || flows.Find(key[..dot]) is not { } flow)
        {
            return key;
        }

        var variable = key[(dot + 1)..];
        var step = flow.Steps.OfType<PromptStep>().FirstOrDefault(s => s.Var == variable);

        // A date step also writes VAR_date and VAR_days (see PromptStep.WrittenVariables): the same question, another form.
        var suffix = string.Empty;
        foreach (var (ending, words) in DerivedEndings)
        {
            if (step is null && variable.EndsWith(ending, StringComparison.Ordinal))
            {
                var baseName = variable[..^ending.Length];
                step = flow.Steps.OfType<PromptStep>().FirstOrDefault(s => s.Var == baseName);
                suffix = step is null ? string.Empty : words;
            }
        }

        if (step is null)
        {
            return $"{flow.Title}（{variable}）";
        }

        var question = step.Prompt.Parts.Select(p => p.Text).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))?.Split('\n')[0].Trim() ?? variable;
        if (question.Contains("{{", StringComparison.Ordinal))
        {
            question = FlowTemplate.Render(question, new Dictionary<string, string>()).Trim();
        }

        return $"{flow.Title}：{question.TrimEnd('：', ':')}{suffix}";
    }

    private static readonly (string Ending, string Words)[] DerivedEndings = [("_days", "（已过天数）"), ("_date", "（日期）")];

    private sealed record ConsoleLine(DateTimeOffset At, string From, string Name, string Text);
}
