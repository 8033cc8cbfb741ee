using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace WeComHelpBot.Recognition;

/// <summary>Numbers and ordinals written the way people write them in Chinese ("大概三百人", "120个员工", "第二个").</summary>
public static partial class NumberRecognition
{
    private static readonly Lazy<IModel> NumberModel = new(() => RecognizerGate.Run(() => new NumberRecognizer(Culture.Chinese).GetNumberModel()));
    private static readonly Lazy<IModel> OrdinalModel = new(() => RecognizerGate.Run(() => new NumberRecognizer(Culture.Chinese).GetOrdinalModel()));

    /// <summary>The first number in the text, or null.</summary>
    public static decimal? RecognizeNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var results = RecognizerGate.Run(() => NumberModel.Value.Parse(text.Normalize(System.Text.NormalizationForm.FormKC)));

        foreach (var result in results)
        {
            if (TryReadValue(result, out var value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>A 1-based ordinal such as 第二个, 第2个, 第三项; null when there is none.</summary>
    public static int? RecognizeOrdinal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var results = RecognizerGate.Run(() => OrdinalModel.Value.Parse(text.Normalize(System.Text.NormalizationForm.FormKC)));
        foreach (var result in results)
        {
            if (TryReadValue(result, out var value) && value >= 1 && value == decimal.Truncate(value))
            {
                return (int)value;
            }
        }

        return null;
    }

    /// <summary>A bare choice number such as "2", "选2", "2吧", "2号"; null otherwise.</summary>
    public static int? RecognizeChoiceNumber(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var match = ChoiceNumberPattern().Match(normalized);
        return match.Success && int.TryParse(match.Groups["n"].Value, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static bool TryReadValue(ModelResult result, out decimal value)
    {
        value = 0;
        return result.Resolution is not null
            && result.Resolution.TryGetValue("value", out var raw)
            && decimal.TryParse(raw?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"^(我选|选|选择|就|要)?(?<n>[0-9]{1,2})(号|个|项|吧|呗|啊)?$")]
    private static partial Regex ChoiceNumberPattern();
}
