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
        // Every message of every turn comes here (TypedFactsRecorder); most are Chinese with a digit or two, and NFKC
        // (CodeText.Normalize) is the costly part. Text that NFKC leaves as it is and that holds too few letters and
        // digits has no run long enough.
        if (!MayHoldRun(text))
        {
            return string.Empty;
        }

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

    /// <summary>
    /// False when fewer than <see cref="MinLength"/> characters are ASCII letters or digits and every other character is
    /// one NFKC turns into no letter or digit (ASCII, CJK ideographs, common Chinese punctuation). True (look closer) for
    /// anything else: full-width letters, circled digits and the like become ASCII letters and digits under NFKC.
    /// </summary>
    internal static bool MayHoldRun(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var lettersAndDigits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                lettersAndDigits++;
            }
            else if (!char.IsAscii(c) && c is not (>= '\u4E00' and <= '\u9FFF') && !StablePunctuation.Contains(c))
            {
                return true;
            }
        }

        return lettersAndDigits >= MinLength;
    }

    /// <summary>Chinese punctuation that NFKC leaves as it is or makes ASCII punctuation (，→, ？→? …→...), never a letter or digit.</summary>
    private const string StablePunctuation = "，。、？！：；（）“”‘’《》【】「」『』…—·";
}
