namespace WeComHelpBot.Channels;

/// <summary>
/// Where a conversation can be reached outside a turn: its channel, its conversation id as the bot stores it, and the
/// channel's own id of the user when the stored conversation id does not carry it (a WeCom member's UserID, a 微信客服
/// customer's external_userid with the open_kfid). Personal: stored only encrypted, never logged.
/// </summary>
public sealed record ConversationAddress(string ChannelId, string ConversationId, string? UserId = null, string? AccountId = null);
