using System.Text;

namespace WeComHelpBot.Support;

/// <summary>Recognises the phone numbers support calls back and member files list: mainland mobiles, optionally with +86, spaces or dashes.</summary>
public static class ChinesePhoneNumber
{
    /// <summary>True when <paramref name="text"/> is a mainland mobile number; <paramref name="normalized"/> is its 11 digits.</summary>
    public static bool TryNormalizeMobile(string? text, out string normalized)
    {
        normalized = string.Empty;
        var digits = DigitsOnly(text, out var hadOtherCharacters);
        if (hadOtherCharacters)
        {
            return false;
        }

        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        if (digits.Length != 11 || digits[0] != '1' || digits[1] is < '3' or > '9')
        {
            return false;
        }

        normalized = digits;
        return true;
    }

    /// <summary>Mobile, or a landline with area code (0591-12345678); <paramref name="normalized"/> keeps one dash after the area code.</summary>
    public static bool TryNormalizeContact(string? text, out string normalized)
    {
        if (TryNormalizeMobile(text, out normalized))
        {
            return true;
        }

        var digits = DigitsOnly(text, out var hadOtherCharacters);
        if (!hadOtherCharacters && digits.Length is >= 10 and <= 12 && digits[0] == '0' && digits[1] != '0')
        {
            var areaLength = digits[1] is '1' or '2' ? 3 : 4;
            normalized = $"{digits[..areaLength]}-{digits[areaLength..]}";
            return true;
        }

        normalized = string.Empty;
        return false;
    }

    private static string DigitsOnly(string? text, out bool hadOtherCharacters)
    {
        hadOtherCharacters = false;
        var builder = new StringBuilder();
        var trimmed = (text ?? string.Empty).Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsDigit(c))
            {
                builder.Append((char)('0' + (int)char.GetNumericValue(c)));
            }
            else if (c is ' ' or '-' or '\u00A0' or '（' or '）' or '(' or ')' || (c == '+' && i == 0))
            {
                continue;
            }
            else
            {
                hadOtherCharacters = true;
            }
        }

        return builder.ToString();
    }
}
