using System.Text;
using WeComHelpBot.Validation;

namespace WeComHelpBot.Images;

/// <summary>
/// What a licence says next to what the user typed earlier: the code character by character ("第 9 位：您填的是 D，
/// 执照上是 0") and the company name (brackets written full-width or half-width are named, since that alone fails the check).
/// </summary>
public static class LicenceComparison
{
    /// <summary>Differences listed one by one; past this many the user is told to retype the whole code.</summary>
    private const int MaxListed = 5;

    /// <summary>Sentences for the code (typed vs licence); empty when they agree.</summary>
    public static IReadOnlyList<string> CompareCode(string typed, string onLicence)
    {
        var normalized = CodeText.Normalize(typed);
        if (normalized == onLicence)
        {
            return [];
        }

        if (normalized.Length != onLicence.Length)
        {
            return [$"您之前填的代码是 {normalized.Length} 位，执照上是 {onLicence.Length} 位，请照着执照重新填写整串代码。"];
        }

        var differences = Enumerable.Range(0, onLicence.Length).Where(i => normalized[i] != onLicence[i]).ToList();
        if (differences.Count > MaxListed)
        {
            return [$"您之前填的代码和执照上有 {differences.Count} 位不一样，请照着执照重新填写整串代码。"];
        }

        return differences.Select(i => $"第 {i + 1} 位：您填的是“{normalized[i]}”，执照上是“{onLicence[i]}”").ToList();
    }

    /// <summary>A sentence about the company name, or null when it matches.</summary>
    public static string? CompareName(string typed, string onLicence)
    {
        if (typed == onLicence)
        {
            return null;
        }

        if (FoldBrackets(typed) == FoldBrackets(onLicence))
        {
            return $"企业名称的括号不一样：您填的是“{typed}”，执照上是“{onLicence}”（全角和半角括号不同也会校验失败）。";
        }

        var differing = Differing(typed, onLicence);
        return differing.Length > 0
            ? $"企业名称不一样：您填的是“{typed}”，执照上是“{onLicence}”（不同的字：{differing}）。"
            : $"企业名称不一样：您填的是“{typed}”，执照上是“{onLicence}”。";
    }

    private static string FoldBrackets(string name) => name.Replace('（', '(').Replace('）', ')');

    /// <summary>The licence's characters that differ at the same position, when the names have the same length.</summary>
    private static string Differing(string typed, string onLicence)
    {
        if (typed.Length != onLicence.Length)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < typed.Length; i++)
        {
            if (typed[i] != onLicence[i])
            {
                builder.Append(builder.Length > 0 ? "、" : string.Empty).Append($"第 {i + 1} 个字“{typed[i]}”应为“{onLicence[i]}”");
            }
        }

        return builder.ToString();
    }
}
