using System.Text;

namespace WeComHelpBot.Validation;

/// <summary>Shared clean-up for codes typed in chat: full-width characters, spaces, dashes and lower case.</summary>
internal static class CodeText
{
    public static string Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(input.Length);
        foreach (var raw in input.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(raw) || raw is '-' or '—' or '_')
            {
                continue;
            }

            builder.Append(char.ToUpperInvariant(raw));
        }

        return builder.ToString();
    }

    /// <summary>"第 5 位" with the character shown, for problem sentences.</summary>
    public static string Position(int index, char c) => $"第 {index + 1} 位“{c}”";
}
