using Microsoft.Bot.Schema;
using WeComHelpBot.Channels.WeCom;

namespace WeComHelpBot.Channels.WeComKf;

/// <summary>
/// 微信客服 customers as the bot sees them: one conversation per customer and 客服帐号, named by a pseudonym of
/// (open_kfid, external_userid); the real external_userid is only in From.Id, in memory, where replies need it.
/// </summary>
public static class WeComKfActivityMapper
{
    public const string ChannelId = "wecom-kf";

    public static string ConversationIdFor(WeComUserPseudonym pseudonym, string openKfId, string externalUserId) =>
        $"{ChannelId}:{pseudonym.For(openKfId + "/" + externalUserId)}";

    /// <summary>A message activity with <paramref name="text"/>, or the greeting (conversationUpdate) when it is null.</summary>
    public static Activity ToActivity(string conversationId, string openKfId, string externalUserId, string msgId, long sendTime, string? text)
    {
        var user = new ChannelAccount(externalUserId, role: RoleTypes.User);
        var timestamp = sendTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(sendTime) : (DateTimeOffset?)null;
        var activity = new Activity
        {
            Id = msgId,
            ChannelId = ChannelId,
            ServiceUrl = $"{ChannelId}:",
            From = user,
            Recipient = new ChannelAccount(openKfId, role: RoleTypes.Bot),
            Conversation = new ConversationAccount(isGroup: false, id: conversationId),
            Timestamp = timestamp,
            LocalTimestamp = timestamp,
            Locale = "zh-CN",
        };
        if (text is null)
        {
            activity.Type = ActivityTypes.ConversationUpdate;
            activity.MembersAdded = [user];
        }
        else
        {
            activity.Type = ActivityTypes.Message;
            activity.Text = text;
        }

        return activity;
    }

    /// <summary>The choices the turn's last message offered as buttons (suggested actions), or none.</summary>
    public static IReadOnlyList<string> Choices(IReadOnlyList<Activity> replies)
    {
        var last = replies.LastOrDefault(r => r.Type == ActivityTypes.Message);
        return last?.SuggestedActions?.Actions?
            .Select(a => a.Value?.ToString() ?? a.Title)
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => v!)
            .ToList() ?? [];
    }
}
