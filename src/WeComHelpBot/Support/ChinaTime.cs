namespace WeComHelpBot.Support;

/// <summary>Dates users and support read (ticket numbers, per-day stats) are China Standard Time, which has no daylight saving.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(DateTimeOffset time) => time.ToOffset(Offset);

    public static DateOnly DateOf(DateTimeOffset time) => DateOnly.FromDateTime(ToChina(time).DateTime);

    /// <summary>Start of the given China date, as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);
}
