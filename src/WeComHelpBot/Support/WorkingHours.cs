using System.Globalization;

namespace WeComHelpBot.Support;

/// <summary>Whether agents are at work at a moment, from <see cref="SupportOptions.WorkingHours"/> and <see cref="SupportOptions.WorkingDays"/> (China time).</summary>
public static class WorkingHours
{
    public static bool IsOpen(SupportOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var china = ChinaTime.ToChina(now);
        var day = china.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)china.DayOfWeek;
        if (!ParseDays(options.WorkingDays).Contains(day))
        {
            return false;
        }

        var hours = (options.WorkingHours ?? string.Empty).Trim();
        if (hours.Length == 0)
        {
            return true;
        }

        var parts = hours.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            throw new FormatException($"Support:WorkingHours 应写成 09:00-18:00，而不是 {hours}");
        }

        var time = TimeOnly.FromDateTime(china.DateTime);
        return start <= end ? time >= start && time < end : time >= start || time < end;
    }

    private static HashSet<int> ParseDays(string? days)
    {
        var result = new HashSet<int>();
        foreach (var part in (days ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', 2, StringSplitOptions.TrimEntries);
            if (!int.TryParse(range[0], CultureInfo.InvariantCulture, out var from) || from is < 1 or > 7)
            {
                throw new FormatException($"Support:WorkingDays 应写成 1-5 或 1,2,3,4,5，而不是 {days}");
            }

            var to = from;
            if (range.Length == 2 && (!int.TryParse(range[1], CultureInfo.InvariantCulture, out to) || to < from || to > 7))
            {
                throw new FormatException($"Support:WorkingDays 应写成 1-5 或 1,2,3,4,5，而不是 {days}");
            }

            for (var d = from; d <= to; d++)
            {
                result.Add(d);
            }
        }

        return result.Count == 0 ? [1, 2, 3, 4, 5, 6, 7] : result;
    }
}
