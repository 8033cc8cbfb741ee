using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace WeComHelpBot.Recognition;

/// <summary>
/// Reads when something happened from a date ("上周五", "11月20号", "3天前") or a duration ("打款已经3天了",
/// "两个工作日了") relative to a given "now", so callers pass a clock instead of reading one.
/// </summary>
public static partial class ElapsedTimeRecognizer
{
    private static readonly Lazy<DateTimeModel> Model = new(() => RecognizerGate.Run(() => new DateTimeRecognizer(Culture.Chinese, DateTimeOptions.None).GetDateTimeModel()));

    public static ElapsedTime? Recognize(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var input = text.Normalize(System.Text.NormalizationForm.FormKC);
        var today = DateOnly.FromDateTime(now.DateTime);

        var workdays = WorkingDayPattern().Match(input);
        if (workdays.Success)
        {
            var count = NumberRecognition.RecognizeNumber(workdays.Groups["n"].Value);
            if (count is >= 0 and <= 365)
            {
                var since = WorkingDays.Subtract(today, (int)count.Value);
                return new ElapsedTime(since, today.DayNumber - since.DayNumber, (int)count.Value);
            }
        }

        if (TodayPattern().IsMatch(input))
        {
            return new ElapsedTime(today, 0, 0);
        }

        var results = RecognizerGate.Run(() => Model.Value.Parse(input, now.DateTime));

        foreach (var result in results)
        {
            var since = ReadSince(result, today);
            if (since is { } day && day <= today)
            {
                return new ElapsedTime(day, today.DayNumber - day.DayNumber, WorkingDays.Between(day, today));
            }
        }

        return null;
    }

    private static DateOnly? ReadSince(ModelResult result, DateOnly today)
    {
        if (result.Resolution?.GetValueOrDefault("values") is not IEnumerable<Dictionary<string, string>> values)
        {
            return null;
        }

        DateOnly? best = null;
        foreach (var value in values)
        {
            var type = value.GetValueOrDefault("type");
            DateOnly? candidate = type switch
            {
                "duration" when double.TryParse(value.GetValueOrDefault("value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                    => today.AddDays(-(int)Math.Ceiling(seconds / 86400)),
                "date" or "datetime" => ParseDate(value.GetValueOrDefault("value")),
                "daterange" or "datetimerange" => ParseDate(value.GetValueOrDefault("start")),
                _ => null,
            };

            // "11月20号" resolves to this year and next; the past one is meant.
            if (candidate is { } day && day <= today && (best is null || day > best))
            {
                best = day;
            }
        }

        return best;
    }

    private static DateOnly? ParseDate(string? value) =>
        value is not null && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? DateOnly.FromDateTime(parsed)
            : null;

    [GeneratedRegex("(?<n>[0-9]+|[一二两三四五六七八九十]+)\\s*个?\\s*工作日")]
    private static partial Regex WorkingDayPattern();

    [GeneratedRegex("^(就是|是)?(今天|刚刚|刚才|今早|今天早上|今天上午|今天下午)")]
    private static partial Regex TodayPattern();
}
