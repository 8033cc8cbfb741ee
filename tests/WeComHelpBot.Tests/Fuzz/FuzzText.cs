using System.Text;

namespace WeComHelpBot.Tests.Fuzz;

/// <summary>Generated bad input for the fuzz tests, from a fixed seed so a failure repeats.</summary>
internal static class FuzzText
{
    private static readonly string[] Pieces =
    [
        "企业微信", "怎么注册", "打款", "营业执照", "导入员工", "个体户", "12个人", "取消", "重新开始", "人工", "1", "第二个", "选3", "０",
        "\u0000", "\u200b", "\u202e", "\ufeff", "\ud83d\ude00", "\ud800", "\udc00", "e\u0301", "\t", "\r\n", "   ", "？？？", "!!!",
        "<script>", "{{name}}", "${x}", "%s", "\\", "\"", "'", "😀😀😀", "13812345678", "110101199003077777", "6222021234567890123",
        "DROP TABLE", "null", "undefined", "NaN", "-1", "99999999999999999999", "一百二十人", "3天", "是", "不是", "对", "错",
    ];

    public static IEnumerable<string> ChatMessages(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return (i % 6) switch
            {
                0 => string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => Pieces[random.Next(Pieces.Length)])),
                1 => RandomChars(random, random.Next(1, 40)),
                2 => new string(Pieces[random.Next(Pieces.Length)][0], random.Next(200, 6000)),
                3 => Pieces[random.Next(Pieces.Length)],
                4 => string.Join(' ', Enumerable.Range(0, random.Next(1, 400)).Select(_ => Pieces[random.Next(Pieces.Length)])),
                _ => RandomChars(random, random.Next(0, 3)),
            };
        }
    }

    /// <summary>Any UTF-16 code units, lone surrogates and control characters included.</summary>
    public static string RandomChars(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(4) switch
            {
                0 => (char)random.Next(0, 0x80),
                1 => (char)random.Next(0x4e00, 0x9fff),
                2 => (char)random.Next(0xd800, 0xe000),
                _ => (char)random.Next(0, 0x10000),
            });
        }

        return builder.ToString();
    }

    /// <summary>Random edits of a text: lines dropped, repeated or cut, characters that mean something to YAML inserted.</summary>
    public static string Mutate(Random random, string text)
    {
        string[] yamlBits = [":", ": ", "- ", "[", "]", "{", "}", "\"", "'", "&a ", "*a", "!!binary ", "? ", "|", ">", "#", "\t", "  ", "%YAML 1.1\n", "---\n", "...\n", "\ufeff", "\u0000", "~", "null", "- - -"];
        var lines = text.Split('\n').ToList();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && lines.Count > 0; e++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(7))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[random.Next(lines.Count)]);
                    break;
                case 2:
                    var line = lines[at];
                    var pos = random.Next(line.Length + 1);
                    lines[at] = line[..pos] + yamlBits[random.Next(yamlBits.Length)] + line[pos..];
                    break;
                case 3:
                    lines[at] = lines[at].TrimStart();
                    break;
                case 4:
                    lines[at] = "    " + lines[at];
                    break;
                case 5:
                    lines[at] = lines[at] + new string('长', random.Next(1, 5000));
                    break;
                default:
                    lines = lines.Take(at).ToList();
                    break;
            }
        }

        return string.Join('\n', lines);
    }
}
