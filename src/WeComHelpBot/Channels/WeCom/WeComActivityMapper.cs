using Microsoft.Bot.Schema;

namespace WeComHelpBot.Channels.WeCom;

/// <summary>
/// Turns a WeCom callback message into the Activity the bot understands, and the bot's replies back into the
/// text WeCom shows. One conversation per member: WeCom app chats are one-to-one. The conversation is named by the
/// member's pseudonym (<see cref="WeComUserPseudonym"/>), never by their UserID, which may be their mobile number.
/// </summary>
public static class WeComActivityMapper
{
    public const string ChannelId = "wecom";

    private const string NonTextContentType = "application/vnd.wecom.";

    /// <summary>The conversation of the member whose pseudonym is <paramref name="memberPseudonym"/>.</summary>
    public static string ConversationIdFor(string memberPseudonym) => $"{ChannelId}:{memberPseudonym}";

    /// <summary>The activity for <paramref name="message"/>; From.Id is the real UserID (replies go there), the conversation the pseudonym's.</summary>
    public static Activity ToActivity(WeComMessage message, WeComUserPseudonym pseudonym)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(pseudonym);
        var member = pseudonym.For(message.FromUserName);
        var user = new ChannelAccount(message.FromUserName, role: RoleTypes.User);
        var activity = new Activity
        {
            Id = message.MsgId ?? $"{member}-{message.CreateTime}",
            ChannelId = ChannelId,
            ServiceUrl = $"{ChannelId}:",
            From = user,
            Recipient = new ChannelAccount(
                message.AgentId is null ? message.ToUserName : $"{message.ToUserName}/{message.AgentId}",
                role: RoleTypes.Bot),
            Conversation = new ConversationAccount(isGroup: false, id: ConversationIdFor(member)),
            Timestamp = ToTimestamp(message.CreateTime),
            LocalTimestamp = ToTimestamp(message.CreateTime),
            Locale = "zh-CN",
        };

        if (message.IsEvent)
        {
            if (IsGreetingEvent(message.Event))
            {
                activity.Type = ActivityTypes.ConversationUpdate;
                activity.MembersAdded = [user];
            }
            else
            {
                activity.Type = ActivityTypes.Event;
                activity.Name = message.Event;
                activity.Value = message.EventKey;
            }
        }
        else if (string.Equals(message.MsgType, "text", StringComparison.OrdinalIgnoreCase))
        {
            activity.Type = ActivityTypes.Message;
            activity.Text = message.Content ?? string.Empty;
        }
        else
        {
            // Images, voice, files, locations, links: the bot reads only text, and says so.
            activity.Type = ActivityTypes.Message;
            activity.Attachments = [new Attachment(NonTextContentType + message.MsgType.ToLowerInvariant())];
        }

        return activity;
    }

    /// <summary>
    /// The text of all message replies of one turn, in order, separated by a blank line; null when the bot said
    /// nothing. Choices are already part of the text: on this channel ChoiceFactory numbers them.
    /// </summary>
    public static string? ReplyText(IEnumerable<Activity> replies)
    {
        var texts = replies
            .Where(r => r.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(r.Text))
            .Select(r => r.Text!.Trim())
            .ToList();
        return texts.Count == 0 ? null : string.Join("\n\n", texts);
    }

    private static bool IsGreetingEvent(string? eventName) =>
        string.Equals(eventName, "enter_agent", StringComparison.OrdinalIgnoreCase)
        || string.Equals(eventName, "subscribe", StringComparison.OrdinalIgnoreCase);

    private static DateTimeOffset? ToTimestamp(long unixSeconds) =>
        unixSeconds is > 0 and < 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(unixSeconds) : null;
}
