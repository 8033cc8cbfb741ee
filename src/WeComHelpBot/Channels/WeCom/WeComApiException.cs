namespace WeComHelpBot.Channels.WeCom;

/// <summary>WeCom's API answered with a non-zero errcode.</summary>
public sealed class WeComApiException(int errorCode, string? errorMessage)
    : Exception($"WeCom API error {errorCode}: {errorMessage}")
{
    public int ErrorCode { get; } = errorCode;
}
