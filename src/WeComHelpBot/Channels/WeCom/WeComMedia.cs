namespace WeComHelpBot.Channels.WeCom;

/// <summary>A file downloaded through media/get: its bytes (cut one past the limit asked for), its content type and the file name WeCom gives it.</summary>
public sealed record WeComMedia(byte[] Bytes, string? ContentType, string? FileName = null);
