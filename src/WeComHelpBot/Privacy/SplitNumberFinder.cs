using System.Globalization;
using System.Text;

namespace WeComHelpBot.Privacy;

/// <summary>
/// Finds personal numbers typed in groups split by what also splits dates, versions, decimals and lists: a dot, a
/// slash, an underscore, a full-width comma or three or more spaces ("139.1234.5678", "6222/0202/0000/1234",
/// "wx_139_1234_5678"). Because "2026.12.06" and "192.168.1.10" use the same marks, a span is only taken when its
/// groups have the shape of the number: a mobile or ID number whose groups (but the last) have 3+ digits, an account
/// whose groups (but the last) have 4+ digits and are not a list of years. Spans whose separators are all the ones
/// <see cref="PersonalDataMasker.IsSeparator"/> accepts are left to the digit rules, which allow any grouping.
/// </summary>
internal static class SplitNumberFinder
{
    private const int MaxDigits = 25;

    /// <summary>Spans of split numbers, and the number without its separators (ASCII digits, an ID's X upper case).</summary>
    public static IEnumerable<(int Start, int Length, string Number)> Find(string text)
    {
        var groups = Groups(text);
        var chainStart = 0;
        for (var i = 1; i <= groups.Count; i++)
        {
            if (i < groups.Count && GapBetween(text, groups[i - 1], groups[i]) != Gap.None)
            {
                continue;
            }

            foreach (var span in FindInChain(text, groups, chainStart, i - 1))
            {
                yield return span;
            }

            chainStart = i;
        }
    }

    /// <summary>A dot, slash, underscore or full-width comma (either width), or a run of three or more spaces.</summary>
    internal static bool IsLooseSeparator(ReadOnlySpan<char> gap) =>
        (gap.Length == 1 && LooseMarks.Contains(gap[0]))
        || (gap.Length >= 3 && gap.Length <= 16 && AllSpaces(gap));

    private const string LooseMarks = ".\uFF0E/\uFF0F_\uFF3F\uFF0C";

    private enum Gap
    {
        None,
        Strict,
        Loose,
    }

    private static IEnumerable<(int Start, int Length, string Number)> FindInChain(string text, List<(int Start, int End)> groups, int first, int last)
    {
        var i = first;
        while (i < last)
        {
            var found = false;
            for (var j = LastWithin(groups, i, last); j > i; j--)
            {
                if (!HasLooseGap(text, groups, i, j) || Match(text, groups, i, j) is not { } number)
                {
                    continue;
                }

                var end = groups[j].End + (number.EndsWith('X') ? 1 : 0);
                yield return (groups[i].Start, end - groups[i].Start, number);
                i = j + 1;
                found = true;
                break;
            }

            if (!found)
            {
                i++;
            }
        }
    }

    /// <summary>
    /// The last group a number starting at <paramref name="first"/> can reach: within <see cref="MaxDigits"/>, and no
    /// further than the first group of fewer than 3 digits, which can only end a number (so "1.1.1.…" costs little).
    /// </summary>
    private static int LastWithin(List<(int Start, int End)> groups, int first, int last)
    {
        var digits = 0;
        for (var j = first; j <= last; j++)
        {
            var length = groups[j].End - groups[j].Start;
            digits += length;
            if (digits > MaxDigits)
            {
                return j - 1;
            }

            if (length < 3)
            {
                return j;
            }
        }

        return last;
    }

    private static bool HasLooseGap(string text, List<(int Start, int End)> groups, int first, int last)
    {
        for (var k = first + 1; k <= last; k++)
        {
            if (GapBetween(text, groups[k - 1], groups[k]) == Gap.Loose)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The number groups first..last spell, when they have the shape of a mobile, ID or account number; else null.</summary>
    private static string? Match(string text, List<(int Start, int End)> groups, int first, int last)
    {
        var digits = new StringBuilder();
        var lengths = new List<int>(last - first + 1);
        for (var k = first; k <= last; k++)
        {
            foreach (var c in text.AsSpan(groups[k].Start, groups[k].End - groups[k].Start))
            {
                digits.Append((char)('0' + (int)char.GetNumericValue(c)));
            }

            lengths.Add(groups[k].End - groups[k].Start);
        }

        var number = digits.ToString();
        var leading = lengths.Take(lengths.Count - 1);
        var end = groups[last].End;
        var endsInX = end < text.Length && text[end] is 'X' or 'x' && (end + 1 == text.Length || !char.IsAsciiLetterOrDigit(text[end + 1]));
        if (leading.All(l => l >= 3))
        {
            if (number.Length == 11 && number[0] == '1' && number[1] is >= '3' and <= '9')
            {
                return number;
            }

            if (number.Length == 17 && endsInX)
            {
                return number + "X";
            }

            if (number.Length is 15 or 18)
            {
                return number;
            }
        }

        var years = lengths.Select((l, k) => (l, k)).Count(g => g.l == 4 && IsYear(text.AsSpan(groups[first + g.k].Start, 4)));
        return number.Length is >= 12 and <= MaxDigits && leading.All(l => l >= 4) && lengths[^1] <= lengths[0] && years < 2 ? number : null;
    }

    private static bool IsYear(ReadOnlySpan<char> group) =>
        int.TryParse(group, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2099;

    private static Gap GapBetween(string text, (int Start, int End) before, (int Start, int End) after)
    {
        var gap = text.AsSpan(before.End, after.Start - before.End);
        if (PersonalDataMasker.IsSeparator(gap))
        {
            return Gap.Strict;
        }

        return IsLooseSeparator(gap) ? Gap.Loose : Gap.None;
    }

    private static bool AllSpaces(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
        {
            if (c != '\t' && char.GetUnicodeCategory(c) != UnicodeCategory.SpaceSeparator)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Maximal runs of decimal digits (any width).</summary>
    private static List<(int Start, int End)> Groups(string text)
    {
        var groups = new List<(int Start, int End)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inGroup = i < text.Length && char.IsDigit(text[i]);
            if (inGroup && start < 0)
            {
                start = i;
            }
            else if (!inGroup && start >= 0)
            {
                groups.Add((start, i));
                start = -1;
            }
        }

        return groups;
    }
}
