namespace WeComHelpBot.Channels.WeCom;

/// <summary>A file downloaded through media/get: its bytes (cut one past the limit asked for) and its content type.</summary>
public sealed record WeComMedia(byte[] Bytes, string? ContentType);
