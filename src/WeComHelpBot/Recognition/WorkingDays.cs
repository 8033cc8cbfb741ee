namespace WeComHelpBot.Recognition;

/// <summary>Counts Monday–Friday days. Public holidays are not known here, so they count as working days.</summary>
public static class WorkingDays
{
    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The date <paramref name="workingDays"/> working days before <paramref name="to"/>.</summary>
    public static DateOnly Subtract(DateOnly to, int workingDays)
    {
        var day = to;
        var left = workingDays;
        while (left > 0)
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                left--;
            }

            day = day.AddDays(-1);
        }

        // "Two working days ago" on a Tuesday is the Friday before, not the Sunday.
        while (workingDays > 0 && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }
}
