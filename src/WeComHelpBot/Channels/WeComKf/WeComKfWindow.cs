namespace WeComHelpBot.Channels.WeComKf;

/// <summary>WeCom's sending allowance after a customer's message: at most <see cref="Messages"/> within <see cref="Duration"/>.</summary>
public sealed record WeComKfWindow(int Messages, TimeSpan Duration)
{
    public static readonly WeComKfWindow Default = new(5, TimeSpan.FromHours(48));
}
