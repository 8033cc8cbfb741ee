namespace WeComHelpBot.Validation;

/// <summary>
/// Checks an 18-character 统一社会信用代码 against GB 32100-2015: the character set (digits and capital
/// letters except I, O, Z, S, V), the registration-authority and category codes, the six-digit region code,
/// and the weighted check character. A wrong code is the usual cause of 法人信息校验失败.
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const int Length = 18;

    /// <summary>The 31 characters a code may contain; a character's index is its value for the check.</summary>
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Weights 3^i mod 31 for positions 1–17.</summary>
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Registration authority (position 1) → the category codes (position 2) it issues.</summary>
    private static readonly Dictionary<char, (string Authority, string Categories)> Authorities = new()
    {
        ['1'] = ("机构编制部门", "1239"),
        ['2'] = ("外交部门", "19"),
        ['3'] = ("司法行政部门", "123459"),
        ['4'] = ("文化部门", "19"),
        ['5'] = ("民政部门", "1239"),
        ['6'] = ("旅游部门", "19"),
        ['7'] = ("宗教事务部门", "129"),
        ['8'] = ("工会", "19"),
        ['9'] = ("市场监督管理（工商）部门", "123"),
        ['A'] = ("中央军委改革和编制办公室", "19"),
        ['N'] = ("农业农村部门", "1239"),
        ['Y'] = ("其他登记管理部门", "1"),
    };

    /// <summary>Letters people type for a digit that looks like them, used to suggest a fix.</summary>
    private static readonly Dictionary<char, char> LookAlikes = new() { ['I'] = '1', ['O'] = '0', ['Z'] = '2', ['S'] = '5', ['V'] = 'U' };

    public static CodeCheckResult Check(string? input)
    {
        var code = CodeText.Normalize(input);
        var problems = new List<string>();
        if (code.Length == 0)
        {
            problems.Add("没有收到代码。请照着营业执照上的“统一社会信用代码”输入 18 位。");
            return new CodeCheckResult(code, problems);
        }

        if (code.Length != Length)
        {
            problems.Add($"长度是 {code.Length} 位，统一社会信用代码应为 {Length} 位。请逐位对照营业执照，看看是否多输或漏输了。");
        }

        var illegal = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (Alphabet.Contains(c))
            {
                continue;
            }

            illegal = true;
            problems.Add(LookAlikes.TryGetValue(c, out var digit)
                ? $"{CodeText.Position(i, c)}不会出现在信用代码里（代码不用 I、O、Z、S、V 这五个字母），多半是“{digit}”。"
                : $"{CodeText.Position(i, c)}不是信用代码能用的字符：代码只由数字和除 I、O、Z、S、V 以外的大写字母组成。");
        }

        if (code.Length != Length || illegal)
        {
            return new CodeCheckResult(code, problems);
        }

        if (!Authorities.TryGetValue(code[0], out var authority))
        {
            problems.Add($"第 1 位“{code[0]}”不是登记管理部门代码（企业和个体户是 9，事业单位和机关是 1，社会组织是 5）。");
        }
        else if (!authority.Categories.Contains(code[1]))
        {
            problems.Add($"第 2 位“{code[1]}”与第 1 位不匹配：{authority.Authority}登记的主体，第 2 位只能是 {string.Join("、", authority.Categories.ToCharArray())}" +
                         (code[0] == '9' ? "（1 企业、2 个体工商户、3 农民专业合作社）。" : "。"));
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(code[i]))
            {
                problems.Add($"第 3–8 位是登记机关的行政区划码，应全是数字，但{CodeText.Position(i, code[i])}是字母。");
                break;
            }
        }

        var expected = CheckCharacter(code.AsSpan(0, Length - 1));
        if (code[Length - 1] != expected)
        {
            problems.Add($"最后一位校验码算出来应是“{expected}”，您输入的是“{code[Length - 1]}”。前 17 位里至少有一位输错了（常见：0 和 D、1 和 L、8 和 B 看混），请逐位核对营业执照。");
        }

        return new CodeCheckResult(code, problems);
    }

    /// <summary>The check character for the first 17 characters (which must be in the alphabet).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        }

        var value = (31 - (sum % 31)) % 31;
        return Alphabet[value];
    }

    /// <summary>The entity kind position 1–2 describes, or null when unknown (e.g. "企业", "个体工商户").</summary>
    public static string? DescribeEntity(string normalizedCode) => normalizedCode.Length < 2 ? null : normalizedCode[..2] switch
    {
        "91" => "企业",
        "92" => "个体工商户",
        "93" => "农民专业合作社",
        "11" => "机关",
        "12" => "事业单位",
        "51" => "社会团体",
        "52" => "民办非企业单位",
        "53" => "基金会",
        _ => null,
    };
}
