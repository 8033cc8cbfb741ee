using System.Text.RegularExpressions;

namespace WeComHelpBot.Recognition;

/// <summary>
/// Recognizes what users really type when they are not asking anything: 你好 / 在吗 / hi, 谢谢 / 多谢, 再见 / 拜拜 /
/// 谢谢没问题了 / 好的没事了, and questions about the bot itself (你是真人吗 / 你叫什么名字 / are you a bot). Only short
/// messages made of these words count, so "你好，个体户能加几个人" stays a question and "你这机器人能干啥" is a question
/// for the knowledge base (what the bot can do), not small talk.
/// </summary>
public static partial class SmallTalkRecognizer
{
    private static readonly HashSet<string> Greetings =
    [
        "你好", "您好", "在吗", "在么", "在不在", "有人吗", "有人在吗", "hi", "hello", "hey", "哈喽", "哈啰", "嗨", "喂",
        "早", "早上好", "上午好", "中午好", "下午好", "晚上好", "你好在吗", "您好在吗", "在", "客服在吗", "机器人你好",
    ];

    private static readonly string[] ThanksWords = ["非常感谢", "谢谢你", "谢谢您", "谢谢", "多谢", "感谢", "谢了", "谢啦", "thankyou", "thanks", "thank", "thx", "3q"];

    private static readonly string[] GoodbyeWords = ["再见", "拜拜", "byebye", "bye", "回见", "88"];

    // What is left of a closing once thanks and fillers are removed: 没问题了, 没事了, 就这些…
    // Compared after sentence-final particles are trimmed ("没问题了" → "没问题").
    private static readonly HashSet<string> ClosingCores = new[]
    {
        "没问题了", "没有问题了", "没啥问题了", "没什么问题了", "没事了", "就这些", "就这样", "先这样", "没别的了", "没有别的了",
        "没其他问题了", "没有其他问题了", "没其他的了", "解决了", "都解决了", "问题解决了", "知道了", "明白了", "懂了", "暂时没问题了",
    }.Select(TextNormalizer.TrimParticles).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> AcknowledgementsOnly = new[] { "知道了", "明白了", "懂了", "解决了" }
        .Select(TextNormalizer.TrimParticles).ToHashSet(StringComparer.Ordinal);

    private static readonly string[] Fillers = ["好的", "好", "嗯嗯", "嗯", "ok", "okay", "行", "那", "我", "啦", "哈", "了", "的", "呀", "啊", "吧"];

    public static SmallTalk Recognize(string? text)
    {
        var normalized = TextNormalizer.Normalize(TextNormalizer.ToSimplified(Cantonese.ToMandarin(text)));
        if (normalized.Length is 0 or > 24)
        {
            return SmallTalk.None;
        }

        var core = TextNormalizer.TrimParticles(normalized);
        if (AboutBot().IsMatch(core))
        {
            return SmallTalk.AboutBot;
        }

        if (normalized.Length > 16)
        {
            return SmallTalk.None;
        }

        if (Greetings.Contains(core) || Greetings.Contains(normalized))
        {
            return SmallTalk.Greeting;
        }

        var withoutThanks = Remove(core, ThanksWords, out var thanked);
        var withoutGoodbye = Remove(withoutThanks, GoodbyeWords, out var saidBye);
        var rest = StripFillers(withoutGoodbye);
        if (saidBye && rest.Length == 0)
        {
            return SmallTalk.Goodbye;
        }

        rest = TextNormalizer.TrimParticles(rest);
        if (rest.Length > 0 && ClosingCores.Contains(rest))
        {
            // "明白了" alone is an acknowledgement; with thanks, or as "没问题了", it ends the conversation.
            return thanked || !AcknowledgementsOnly.Contains(rest) ? SmallTalk.Goodbye : SmallTalk.None;
        }

        return thanked && rest.Length == 0 ? SmallTalk.Thanks : SmallTalk.None;
    }

    private static string Remove(string text, string[] words, out bool found)
    {
        found = false;
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                text = text.Replace(word, string.Empty, StringComparison.Ordinal);
                found = true;
            }
        }

        return text;
    }

    private static string StripFillers(string text)
    {
        var changed = true;
        while (changed && text.Length > 0)
        {
            changed = false;
            foreach (var filler in Fillers)
            {
                if (text.StartsWith(filler, StringComparison.Ordinal) && !ClosingCores.Contains(TextNormalizer.TrimParticles(text)))
                {
                    text = text[filler.Length..];
                    changed = true;
                }
                else if (text.EndsWith(filler, StringComparison.Ordinal) && !ClosingCores.Contains(TextNormalizer.TrimParticles(text)))
                {
                    text = text[..^filler.Length];
                    changed = true;
                }
            }
        }

        return text;
    }

    // The whole message (normalized: no spaces or punctuation, lower case, particles trimmed) asks what the bot is:
    // a person or a machine, its name, who made it. 你这机器人能干啥 asks what it can do and is left to the knowledge base.
    [GeneratedRegex(
        "^(请问|那|所以|话说)?(你|您)(到底|究竟|真的)?(是不是|是)(个|一个)?(真人|真的人|活人|人|机器人|机器|ai|人工智能|程序|自动回复|真人客服)(吗|么|嘛|不是|没)?$" +
        "|^(请问)?(你|您)(到底|究竟)?是(真人|人|活人|机器人|机器|ai)还是(真人|人|活人|机器人|机器|ai)$" +
        "|^(请问)?(你|您)(叫|叫做)?(什么|啥)名字$|^(你|您)叫(什么|啥)$|^(你|您)的名字(是|叫)?(什么|啥)$" +
        "|^(请问)?(你|您)是(谁|哪家公司|哪个公司|什么公司)(开发|做|写|造|搞|研发)(出来)?的?$|^谁(开发|做|写|造|研发)(了)?(的)?(你|您)$|^(你|您)是哪家(公司)?的?$" +
        "|^(are|r)(you|u)(a|an)?(real)?(human|person|bot|robot|machine|ai)$|^amitalkingto(a|an)(real)?(human|person|bot|robot|machine|ai)$" +
        "|^(what(is|s)yourname|who(made|built|created|developed)you)$")]
    private static partial Regex AboutBot();
}
