using System.Collections.Frozen;
using System.Text;

namespace WeComHelpBot.Recognition;

/// <summary>
/// Written Cantonese (Hong Kong, Macau) put into Mandarin wording: 喺邊度註冊 → 在哪里註冊, 邊個可以做管理員 → 谁可以做管理員,
/// 唔認證可唔可以用 → 不認證可不可以用. Only the grammar words differ (where, who, what, how, how many, not, have not, the
/// possessive); the nouns of the domain are the same, so after this and the traditional-to-simplified table a Cantonese
/// question reads like any other. Runs on the text as typed, before <see cref="TextNormalizer.ToSimplified"/>: 係 (是) is a
/// Cantonese word only in its traditional form, its simplified form 系 is Mandarin (系统, 关系). The table also holds a
/// Taiwan word that means another thing once simplified: 負責人 is a company's legal representative (法人).
/// </summary>
public static class Cantonese
{
    // Cantonese word → Mandarin word, written in traditional characters. Each key also matches in simplified characters
    // (点样, 几多, 边度) unless it is marked traditional-only: its simplified form is Mandarin too (系, 点算 = count, 呢个
    // in 那公司呢个体户呢). Longer words are tried first (可唔可以 before 唔). Words that are Mandarin as well in both forms are
    // left out (點開 = click open, 先得 in 先得到, 邊一 in 一邊一個).
    private static readonly (string Cantonese, string Mandarin, bool TraditionalOnly)[] Words =
    [
        ("可唔可以", "可不可以", false), ("要唔要", "要不要", false), ("使唔使", "需不需要", false), ("得唔得", "行不行", false),
        ("係唔係", "是不是", false), ("有冇", "有没有", false), ("係咪", "是不是", false), ("唔該", "请", false),
        ("喺邊度", "在哪里", false), ("邊度", "哪里", false), ("邊個", "谁", false), ("邊啲", "哪些", false), ("邊種", "哪种", false),
        ("邊間", "哪家", false), ("邊樣", "哪样", false),
        ("點樣", "怎样", false), ("點做", "怎么做", false), ("點弄", "怎么弄", false), ("點搞", "怎么搞", false), ("點算", "怎么办", true),
        ("點解", "为什么", true), ("點加", "怎么加", false), ("點揀", "怎么选", false),
        ("幾多", "多少", false), ("幾耐", "多久", false), ("幾時", "什么时候", false),
        ("乜嘢", "什么", false), ("做咩", "做什么", false), ("咩", "什么", false), ("乜", "什么", false),
        ("我哋", "我们", false), ("你哋", "你们", false), ("佢哋", "他们", false), ("佢", "他", false),
        ("呢個", "这个", true), ("呢啲", "这些", true), ("呢度", "这里", true), ("嗰", "那", false),
        ("而家", "现在", false), ("仲未", "还没", false), ("仲要", "还要", false), ("仲有", "还有", false), ("仲係", "还是", false),
        ("先可以", "才可以", false), ("搞掂", "搞定", false), ("老細", "老板", false), ("做嘢", "做事", false),
        ("冇", "没有", false), ("唔", "不", false), ("喺", "在", false), ("嘅", "的", false), ("啲", "些", false), ("咗", "了", false),
        ("睇", "看", false), ("搵", "找", false), ("攞", "拿", false), ("畀", "给", false), ("嚟", "来", false), ("揀", "选", false),
        ("嘢", "东西", false), ("咁樣", "这样", false), ("咁", "这么", false), ("噉", "这样", false), ("係", "是", true),
        // Not Cantonese but read the same way: Taiwan's 負責人 is a company's legal representative (公司負責人); written
        // simplified, 负责人 is the head of any team (部门负责人), so only the traditional form is the legal representative.
        ("負責人", "法人", true),
        ("㗎", "", false), ("喎", "", false), ("囉", "", false), ("嘞", "", false), ("啩", "", false),
    ];

    private static readonly Lazy<(FrozenDictionary<string, string> Words, int Longest, FrozenSet<char> Starts)> Table = new(Build);

    /// <summary>The text with its Cantonese words in Mandarin; a text without any is returned as it is.</summary>
    public static string ToMandarin(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var (words, longest, starts) = Table.Value;
        if (!text.Any(starts.Contains))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        var i = 0;
        while (i < text.Length)
        {
            string? replacement = null;
            var length = 0;
            if (starts.Contains(text[i]))
            {
                for (length = Math.Min(longest, text.Length - i); length > 0; length--)
                {
                    if (words.TryGetValue(text.Substring(i, length), out replacement))
                    {
                        break;
                    }
                }
            }

            if (replacement is null)
            {
                builder.Append(text[i]);
                i++;
            }
            else
            {
                builder.Append(replacement);
                i += length;
            }
        }

        return builder.ToString();
    }

    private static (FrozenDictionary<string, string>, int, FrozenSet<char>) Build()
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (cantonese, mandarin, traditionalOnly) in Words)
        {
            words.TryAdd(cantonese, mandarin);
            if (!traditionalOnly)
            {
                words.TryAdd(TextNormalizer.ToSimplified(cantonese), mandarin);
            }
        }

        return (words.ToFrozenDictionary(StringComparer.Ordinal), words.Keys.Max(k => k.Length), words.Keys.Select(k => k[0]).ToFrozenSet());
    }
}
