namespace WeComHelpBot.Channels.WeCom;

/// <summary>The outer, unencrypted part of a callback POST: who it is for and the ciphertext.</summary>
public sealed record WeComEnvelope(string ToUserName, string Encrypt, string? AgentId);
