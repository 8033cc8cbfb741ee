namespace WeComHelpBot.Channels.WeCom;

/// <summary>A callback that cannot be verified or read. The message never contains key material or message content.</summary>
public sealed class WeComCryptoException(WeComErrorCode code, string message) : Exception($"{message} ({(int)code})")
{
    public WeComErrorCode Code { get; } = code;
}
