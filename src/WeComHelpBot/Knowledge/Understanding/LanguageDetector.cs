namespace WeComHelpBot.Knowledge.Understanding;

/// <summary>Tells an English question from a Chinese one: most of its letters are Latin.</summary>
public static class LanguageDetector
{
    /// <summary>True when at least 60 % of the letters are Latin and there are at least six of them ("How long does it take?").</summary>
    public static bool IsEnglish(string text)
    {
        int latin = 0, letters = 0;
        foreach (var c in text)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
            {
                latin++;
                letters++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return latin >= 6 && latin >= 0.6 * letters;
    }
}
