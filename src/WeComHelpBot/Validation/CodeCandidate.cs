using System.Text;

namespace WeComHelpBot.Validation;

/// <summary>Finds the code in what a user typed: "代码是 9135 0100 M000 100Y 43" → the longest run of letters and digits.</summary>
internal static class CodeCandidate
{
    /// <summary>Shorter runs are not taken for a code the user meant to type.</summary>
    public const int MinLength = 6;

    /// <summary>The longest letter/digit run (spaces and dashes inside it removed, upper case), or empty when there is none long enough.</summary>
    public static string Find(string? text)
    {
        var compact = CodeText.Normalize(text);
        var best = string.Empty;
        var run = new StringBuilder();
        foreach (var c in compact.Append('\0'))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                run.Append(c);
                continue;
            }

            if (run.Length > best.Length)
            {
                best = run.ToString();
            }

            run.Clear();
        }

        return best.Length >= MinLength ? best : string.Empty;
    }
}
