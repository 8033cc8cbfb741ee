using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Sequence;

namespace WeComHelpBot.Recognition;

/// <summary>Chinese mobile numbers (11 digits starting 13–19), with or without +86, spaces or dashes.</summary>
public static partial class PhoneNumberRecognition
{
    private static readonly Lazy<IModel> PhoneModel = new(() => RecognizerGate.Run(() => new SequenceRecognizer(Culture.Chinese).GetPhoneNumberModel()));

    /// <summary>The 11-digit mobile number in the text, or null.</summary>
    public static string? RecognizeMobile(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var input = text.Normalize(System.Text.NormalizationForm.FormKC);
        var results = RecognizerGate.Run(() => PhoneModel.Value.Parse(input));

        foreach (var result in results)
        {
            var mobile = ToMobile(result.Resolution?.GetValueOrDefault("value")?.ToString() ?? result.Text);
            if (mobile is not null)
            {
                return mobile;
            }
        }

        // The sequence recognizer scores a bare 11-digit run low and sometimes skips it inside Chinese text.
        var bare = BareMobilePattern().Match(input);
        return bare.Success ? bare.Value : null;
    }

    /// <summary>Why <paramref name="text"/> is not a mobile number, in zh-CN, for the retry prompt.</summary>
    public static string DescribeProblem(string? text)
    {
        var digits = new string((text ?? string.Empty).Normalize(System.Text.NormalizationForm.FormKC).Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        return digits.Length switch
        {
            0 => "没看到号码。",
            _ when digits[0] == '0' => "这像是座机号，这里需要手机号，客服可以打电话也可以发短信给您。",
            11 => "这不是手机号：手机号以 13–19 开头。",
            _ => $"您发的号码是 {digits.Length} 位，手机号是 11 位，看看是不是多打或少打了一位。",
        };
    }

    /// <summary>138****5678: what may be shown or stored.</summary>
    public static string Mask(string mobile) =>
        mobile.Length == 11 ? $"{mobile[..3]}****{mobile[7..]}" : new string('*', mobile.Length);

    private static string? ToMobile(string raw)
    {
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        return MobilePattern().IsMatch(digits) ? digits : null;
    }

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex("(?<![0-9])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex BareMobilePattern();
}
