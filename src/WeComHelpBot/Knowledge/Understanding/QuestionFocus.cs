using System.Text;

namespace WeComHelpBot.Knowledge.Understanding;

/// <summary>
/// Finds the question inside a story ("我们是家小餐馆，老板常年在外地……现在该选哪种验证？"): the clauses that ask
/// (a question word or a question mark) are kept whole, and of the other clauses only the words the knowledge base
/// knows (the topic: 法人, 扫脸 …); the story around them is set aside, so it cannot drag confidence down.
/// </summary>
public static partial class QuestionFocus
{
    /// <summary>Shorter texts are one question already.</summary>
    public const int MinStoryLength = 18;

    private static readonly char[] ClauseBreaks = ['，', ',', '。', '.', '！', '!', '？', '?', '；', ';', '\n', '\r', '、', '…', '~', '～', ' ', '　', '：', ':'];

    private static readonly string[] QuestionWords =
        ["吗", "呢", "怎么", "如何", "多久", "多长", "哪", "几", "是否", "能不能", "要不要", "可不可以", "有没有", "是不是", "什么", "啥", "咋", "多少", "为什么", "为啥", "该选", "怎样", "会不会", "能否", "可否", "啥子", "撒子", "啷个", "咋个", "肿么"];

    // Words of stories that are not about registering WeCom; removed from the asking clauses too.
    private static readonly string[] Filler =
    [
        "老板", "着急", "急着", "很急", "挺急", "麻烦了", "麻烦你", "麻烦您", "在线等", "谢谢", "多谢", "小餐馆", "餐馆", "小店", "店里",
        "朋友", "听说", "同事", "领导", "刚才", "之前", "今天", "昨天", "上周", "请问", "你好", "您好", "我们是", "我是", "常年",
    ];

    // Spoken filler that is never part of a topic's word, so a text that holds it anywhere says it (啊, 咋, 压根, 行不). The
    // analyzer splits the ones it does not know (压根 → 压 / 根) and drops particles, so they are also read from the text.
    private static readonly string[] SpokenAnywhere =
    [
        "啊", "呀", "嘛", "呗", "诶", "呃", "啦", "咯", "哟", "咋", "啥", "咱", "俺", "压根", "玩意", "行不", "中不", "成不", "累死",
        "头大", "这块儿", "事儿", "老是", "立马", "琢磨", "岔子", "毛病", "里头",
        // Dialects' question words and fillers (西南: 啥子/撒子 什么, 啷个/咋个 怎么, 莫得 没有; 北方: 瞅, 完事, 木有).
        "啥子", "撒子", "啷个", "咋个", "莫得", "晓得", "巴适", "瞅", "瞧瞧", "完事", "搞定", "木有", "肿么", "神马",
    ];

    // Spoken filler that also stands inside words of topics (儿, 整, 一下, 那个): known only as a whole word of the analyzer.
    private static readonly string[] SpokenAsWords =
    [
        "儿", "吧", "哈", "哦", "喔", "哎", "嗯", "呐", "到底", "究竟", "玩意儿", "这玩意儿", "整", "弄", "搞", "总是", "一下", "一下子", "东西",
        "那个", "这个", "这块", "那块", "一般", "反正", "其实", "好像", "貌似", "感觉",
    ];

    // Slang that says a question is spoken without being filler (白嫖 is "free", 跑路 "left"): read from the text only.
    private static readonly string[] Slang = ["没得", "白嫖", "号人", "跑路"];

    // Words of spoken Chinese that carry no topic (particles, fillers, generic spoken verbs): a question that uses them is
    // no less about registering WeCom, so the decision does not count them among the words the knowledge base lacks.
    private static readonly HashSet<string> SpokenWords = new([.. SpokenAnywhere, .. SpokenAsWords], StringComparer.Ordinal);

    private static readonly string[] SaidAnywhere = [.. SpokenAnywhere, .. Slang];

    /// <summary>True when <paramref name="word"/> is spoken filler (啊, 咋, 压根, 这玩意儿) rather than a word of any topic.</summary>
    public static bool IsSpoken(string word) => SpokenWords.Contains(word);

    /// <summary>True when <paramref name="text"/> says a word only spoken Chinese uses (咋, 啥, 压根, 行不): asked as one talks.</summary>
    public static bool SpokenIn(string text) => SaidAnywhere.Any(w => text.Contains(w, StringComparison.Ordinal));

    private static readonly string[] Joiners = ["和", "跟", "与", "还是", "或者"];

    private static readonly string[] Continuations = ["还是不行", "还不行", "不行", "没用", "不管用", "没反应", "还是失败", "又失败", "一样", "试了", "没好", "还没好"];

    private static readonly string[] NextCues = ["然后呢", "然后干", "然后做", "然后弄", "然后配", "接下来", "下一步", "之后呢", "之后干", "之后做", "之后弄", "之后配", "再往后", "完了呢", "完然后", "接着配", "接着干", "接着做", "接着弄", "接着呢", "接着该", "再然后"];

    /// <summary>True when a short message asks what comes next ("然后呢", "填完下一步呢", "组织架构之后呢").</summary>
    public static bool AsksNext(string text) => NextCues.Any(c => text.Contains(c, StringComparison.Ordinal));

    /// <summary>True when a short message says the last answer did not settle it ("还是不行", "试了没用").</summary>
    public static bool Continues(string text) =>
        Continuations.Any(c => text.Contains(c, StringComparison.Ordinal)) && !AsksTheSameOf(text);

    /// <summary>
    /// True when a short message asks what to do without a thing (没执照呢, 那没有对公户的话呢, 没对公账户咋办): the thing's own
    /// entry says it, not the previous question asked of it.
    /// </summary>
    public static bool Lacks(string text) => !Continues(text) && LacksThing().IsMatch(text.Trim());

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:那|那要是|要是|如果)?(?:没|没有|没得|莫得|无)(?!法|办法|用|反应|好|通过)[\p{IsCJKUnifiedIdeographs}A-Za-z]{2,8}?(?:的话)?(?:呢|咋办|怎么办|咋整)?[？?]?$")]
    private static partial System.Text.RegularExpressions.Regex LacksThing();

    // 个体户也一样吗 asks whether what was said holds for another topic too; 还是一样 says the trouble goes on.
    private static readonly string[] SameOfAnother = ["也一样", "也是一样", "一样吗", "一样么", "一样不"];

    /// <summary>True when <paramref name="text"/> asks whether the previous answer holds for another topic too (个体户也一样吗).</summary>
    public static bool AsksTheSameOf(string text) => SameOfAnother.Any(c => text.Contains(c, StringComparison.Ordinal));

    /// <summary><paramref name="text"/> without the words that ask whether the answer holds for it too (个体户也一样吗 → 个体户吗).</summary>
    public static string WithoutSameCue(string text) =>
        SameOfAnother.Aggregate(text, (t, cue) => t.Replace(cue, string.Empty, StringComparison.Ordinal));

    /// <summary>True when <paramref name="clause"/> asks something.</summary>
    public static bool Asks(string clause) => QuestionWords.Any(w => clause.Contains(w, StringComparison.Ordinal));

    /// <summary>
    /// The focus of <paramref name="text"/>, or the text itself when it is short or a single clause.
    /// <paramref name="topicWords"/> gives the knowledge base's words in a clause that does not ask.
    /// </summary>
    public static string Extract(string text, Func<string, IEnumerable<string>> topicWords)
    {
        if (text.Length < MinStoryLength)
        {
            return text;
        }

        var clauses = Split(text);
        if (clauses.Count < 2)
        {
            return RemoveFiller(text);
        }

        var asking = clauses.Select((c, i) => (c, i)).Where(x => Asks(x.c) || EndsWithQuestionMark(text, x.c)).Select(x => x.i).ToHashSet();
        if (asking.Count == 0)
        {
            // A story that ends without a question word still asks at its end.
            asking.Add(clauses.Count - 1);
        }

        // A clause right before the question that names two sides (对公打款和人脸识别，哪个需要法人本人参与) is the question's
        // subject: kept whole, or the comparison loses the words that join its sides.
        foreach (var i in asking.ToList())
        {
            if (i > 0 && !asking.Contains(i - 1) && Joiners.Any(j => clauses[i - 1].IndexOf(j, 1, StringComparison.Ordinal) > 0))
            {
                asking.Add(i - 1);
            }
        }

        var focus = new StringBuilder(text.Length);
        for (var i = 0; i < clauses.Count; i++)
        {
            var part = asking.Contains(i) ? RemoveFiller(clauses[i]) : Reduce(clauses[i], topicWords);
            if (part.Length > 0)
            {
                focus.Append(focus.Length == 0 ? string.Empty : "，").Append(part);
            }
        }

        return focus.Length == 0 ? text : focus.ToString();
    }

    // Words that say a thing is missing or cannot be done (法人没有微信, 无法扫脸): what follows them is the story's point.
    private static readonly string[] Negations = ["没有", "无法", "不能", "不会", "不用", "不方便", "没法", "没办法"];

    /// <summary>
    /// A clause that does not ask, reduced to the knowledge base's words in it, except from a word that says something is
    /// missing (没有微信, 不方便扫脸): that part is kept as written, since its words alone (微信, 扫脸) say the opposite.
    /// Only the missing thing's words are kept whole; the bare 没 of 还没通过 says when, not what is missing.
    /// </summary>
    private static string Reduce(string clause, Func<string, IEnumerable<string>> topicWords)
    {
        var at = Negations.Select(n => clause.IndexOf(n, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (at < 0)
        {
            return string.Join(" ", topicWords(clause));
        }

        var before = string.Join(" ", topicWords(clause[..at]));
        var rest = RemoveFiller(clause[at..]);
        return before.Length == 0 ? rest : before + " " + rest;
    }

    public static List<string> Split(string text) =>
        text.Split(ClauseBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static bool EndsWithQuestionMark(string text, string clause)
    {
        var at = text.IndexOf(clause, StringComparison.Ordinal);
        var after = at < 0 ? -1 : at + clause.Length;
        return after >= 0 && after < text.Length && text[after] is '？' or '?';
    }

    private static string RemoveFiller(string clause)
    {
        foreach (var word in Filler)
        {
            clause = clause.Replace(word, " ", StringComparison.Ordinal);
        }

        return clause.Trim();
    }
}
