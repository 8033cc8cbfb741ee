namespace WeComHelpBot.Channels.WeCom;

/// <summary>What a WeCom ciphertext holds: the message and the receive id (the corp id for a self-built app).</summary>
public sealed record WeComDecryptedMessage(string Message, string ReceiveId);
