using System.Text;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>Text as a PostgreSQL text column accepts it.</summary>
public static class PostgresText
{
    /// <summary>
    /// <paramref name="text"/> without NUL characters (a text column refuses them) and with unpaired UTF-16 surrogates
    /// replaced by U+FFFD (they have no UTF-8 form): both can arrive in a chat message, and one such line must not fail
    /// the batch of turns it is written with. Text without them is returned as is.
    /// </summary>
    public static string? Clean(string? text)
    {
        if (text is null || IsClean(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else
            {
                clean.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return clean.ToString();
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
