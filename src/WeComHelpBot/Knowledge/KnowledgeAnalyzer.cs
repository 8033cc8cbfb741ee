using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace WeComHelpBot.Knowledge;

/// <summary>
/// Analysis shared by indexing and querying: synonyms rewritten to canonical words first, then SmartCn word
/// segmentation without function words for the word fields, or CJK character bigrams for <see cref="GramsField"/>
/// (bigrams keep typos and unusual segmentations findable). Thread-safe, as every Lucene analyzer.
/// </summary>
public sealed class KnowledgeAnalyzer : Analyzer
{
    public const string GramsField = "grams";

    /// <summary>Fields whose name starts with this hold English (en: blocks): lower case, English synonyms, English stop words, Porter stems.</summary>
    public const string EnglishFieldPrefix = "en_";

    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Words that carry no topic: particles, pronouns and the generic "how/what/can" of questions.
    // They are dropped so that "今天天气怎么样" does not look like a registration question because of 怎么样.
    private static readonly string[] FunctionWords =
    [
        "的", "了", "吗", "呢", "啊", "吧", "呀", "嘛", "哦", "哈", "么", "啦", "嗯", "哎", "诶", "喔", "滴", "地", "得", "着", "过",
        "是", "不是", "就是", "我", "我们", "我的", "你", "你们", "您", "他", "她", "它", "他们", "咱", "咱们", "自己", "人家",
        "这", "那", "这个", "那个", "这些", "那些", "这样", "那样", "这里", "那里", "哪", "哪个", "哪些",
        "请问", "请", "问", "问下", "问一下", "一下", "麻烦", "帮", "帮忙", "帮我", "谢谢", "您好", "你好", "好",
        "怎么", "怎么办", "怎样", "怎么样", "如何", "什么", "啥", "咋", "咋办", "咋整", "为啥", "干嘛", "是不是", "能不能", "可不可以", "有没有",
        "能", "可以", "会", "要", "想", "应该", "得", "需", "还", "也", "都", "就", "才", "又", "再", "很", "太", "挺", "比较", "一直",
        "和", "与", "及", "跟", "或", "或者", "还是", "在", "把", "被", "让", "给", "对", "从", "到", "用", "于", "为", "以",
        "一个", "个", "一", "些", "一些", "有", "没", "没有", "不", "呗", "吗啊", "呃", "现在", "已经", "然后", "但是", "所以", "因为",
        // Spoken words for "in all", "matter" and "here/there" (一共几步, 这事儿, 从哪儿进): no topic, only how one talks.
        "一共", "总共", "一总", "总计", "事儿", "哪儿", "这儿", "那儿",
    ];

    // Lucene's English stop words plus the question words that name no topic ("how do I", "what is", "can we").
    private static readonly CharArraySet EnglishStopWords = new(
        Version,
        EnglishAnalyzer.DefaultStopSet.Cast<object>().Select(w => w.ToString()!).Concat(["how", "what", "which", "when", "where", "why", "do", "does", "did", "can", "could", "i", "we", "my", "our", "you", "your", "me", "us", "should", "would", "need", "want", "is", "are", "am", "it's", "please", "hi", "hello",
            "don", "t", "doesn", "didn", "isn", "aren", "haven", "hasn", "yet", "still"]).ToList(),
        true);

    private readonly NormalizeCharMap? charMap;
    private readonly Lucene.Net.Analysis.Synonym.SynonymMap? englishSynonyms;
    private readonly CharArraySet stopWords;

    public KnowledgeAnalyzer(SynonymMap synonyms)
        : base(PER_FIELD_REUSE_STRATEGY) // the grams field has its own chain; the default strategy would reuse one chain for all fields
    {
        charMap = synonyms.CharMap;
        englishSynonyms = synonyms.EnglishMap;
        stopWords = new CharArraySet(Version, FunctionWords, false);
        foreach (var punctuation in SmartChineseAnalyzer.DefaultStopSet)
        {
            stopWords.Add(punctuation);
        }
    }

    /// <summary>The analysed terms of <paramref name="text"/> for <paramref name="field"/>, in order, duplicates kept.</summary>
    public List<string> Terms(string field, string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        if (fieldName == GramsField)
        {
            var standard = new StandardTokenizer(Version, reader);
            TokenStream grams = new CJKWidthFilter(standard);
            grams = new LowerCaseFilter(Version, grams);
            grams = new CJKBigramFilter(grams);
            return new TokenStreamComponents(standard, grams);
        }

        if (fieldName.StartsWith(EnglishFieldPrefix, StringComparison.Ordinal))
        {
            var latin = new StandardTokenizer(Version, reader);
            TokenStream english = new EnglishPossessiveFilter(Version, latin);
            english = new LowerCaseFilter(Version, english);
            if (englishSynonyms is not null)
            {
                english = new SynonymFilter(english, englishSynonyms, ignoreCase: true);
            }

            english = new StopFilter(Version, english, EnglishStopWords);
            english = new PorterStemFilter(english);
            return new TokenStreamComponents(latin, english);
        }

        var tokenizer = new HMMChineseTokenizer(reader);
        TokenStream words = new CJKWidthFilter(tokenizer);
        words = new LowerCaseFilter(Version, words);
        words = new StopFilter(Version, words, stopWords);
        return new TokenStreamComponents(tokenizer, words);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        charMap is null || fieldName.StartsWith(EnglishFieldPrefix, StringComparison.Ordinal) ? reader : new MappingCharFilter(charMap, reader);
}
