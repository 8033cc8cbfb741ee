using System.Globalization;
using WeComHelpBot.Support;

namespace WeComHelpBot.Tickets;

/// <summary>Ticket numbers as users see them: T + China date + a per-day sequence (T20261125-0001).</summary>
public static class TicketNumber
{
    /// <summary>The China date a ticket created at <paramref name="at"/> is numbered under (yyyyMMdd).</summary>
    public static string DayOf(DateTimeOffset at) => ChinaTime.ToChina(at).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Format(string day, int sequence) => $"T{day}-{sequence:0000}";

    /// <summary>A number as typed (any case, stray spaces) in the stored form.</summary>
    public static string Normalize(string number) => (number ?? string.Empty).Trim().ToUpperInvariant();
}
