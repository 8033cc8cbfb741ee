namespace WeComHelpBot.Storage.Postgres;

/// <summary>Times as the PostgreSQL stores write them.</summary>
public static class PostgresTime
{
    /// <summary>
    /// UTC, to the millisecond: timestamptz keeps microseconds, LiteDB keeps milliseconds, and figures computed from
    /// either backend (stats, the order of lines) must not differ for the same records.
    /// </summary>
    public static DateTime ToColumn(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }

    /// <summary>A timestamptz read back (Npgsql returns UTC DateTimes) as a DateTimeOffset at offset zero.</summary>
    public static DateTimeOffset FromColumn(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
