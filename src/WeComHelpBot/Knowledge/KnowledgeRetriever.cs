using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;
using WeComHelpBot.Knowledge.Decision;
using WeComHelpBot.Knowledge.Understanding;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Knowledge;

/// <summary>
/// Answers a question from the knowledge index. Lucene (BM25) finds candidates; each is scored with a confidence
/// in 0..1: the share of the question's topical weight (IDF of its words and character bigrams) that the entry
/// covers. A question about something the knowledge base never mentions (weather, personal WeChat, another app)
/// keeps its distinctive words uncovered, so its confidence stays low whatever BM25 ranks first.
/// Before retrieval a question is prepared (<see cref="Prepare"/>: traditional characters simplified, slips corrected,
/// a story reduced to its question); <see cref="Understand"/> adds follow-ups, comparisons and the decision's features
/// (KnowledgeRetriever.Understanding.cs), English questions search the en: blocks (KnowledgeRetriever.English.cs), and
/// the calibrated <see cref="DecisionModel"/> of knowledge/decision.yaml decides to answer, clarify or refuse.
/// With a <see cref="RetrievalResultCache"/>, a question asked again reuses its candidates.
/// </summary>
public sealed partial class KnowledgeRetriever(KnowledgeIndex index, IOptions<RetrievalOptions> options, RetrievalResultCache? cache = null) : IKnowledgeAnswerer
{
    public const int SuggestionCount = 3;

    // The words that name a topic, longest first: every tag and every synonym group's canonical word of two or more
    // characters, in canonical form. A follow-up puts its own topic in the place of one of these (那公司呢).
    private readonly Lazy<string[]> topicPhrases = new(() => index.Knowledge.Entries
        .SelectMany(e => e.Tags)
        .Select(index.Knowledge.Synonyms.Normalize)
        .Concat(index.Knowledge.Synonyms.CanonicalWords)
        .Select(p => p.Trim())
        .Where(p => p.Length >= 2)
        .Distinct(StringComparer.Ordinal)
        .OrderByDescending(p => p.Length)
        .ToArray());

    // The one body (企业, 个体工商户, 事业单位) each entry is about, when its tags name one: a question naming another body
    // is not answered by it.
    private readonly Lazy<Dictionary<string, string>> bodyOf = new(() => index.Knowledge.Entries
        .Select(e => (e.Id, Body: RegisteringBody.Of(e.Tags.Select(index.Knowledge.Synonyms.Normalize))))
        .Where(e => e.Body is not null)
        .ToDictionary(e => e.Id, e => e.Body!, StringComparer.Ordinal));

    // The entries that compare (their title or tags say so) and those about an aspect (knowledge/aspects.yaml), in the
    // knowledge base's order: a comparison looks for its overview among all of them, and reading every entry's title,
    // questions and tags at each comparison cost most of its time on a large knowledge base.
    private readonly Lazy<KnowledgeEntry[]> comparingEntries = new(() => index.Knowledge.Entries.Where(ComparisonDetector.Compares).ToArray());
    private readonly Lazy<(KnowledgeEntry[] Entries, Dictionary<string, Aspect[]> Of)> aspectEntries = new(() =>
    {
        var about = index.Knowledge.Entries
            .Select(e => (Entry: e, Aspects: index.Knowledge.Aspects.Where(a => a.IsCoveredBy(e)).ToArray()))
            .Where(x => x.Aspects.Length > 0)
            .ToArray();
        return (about.Select(x => x.Entry).ToArray(), about.ToDictionary(x => x.Entry.Id, x => x.Aspects, StringComparer.Ordinal));
    });

    /// <summary>True when <paramref name="entry"/>'s title, questions or tags say it is about one of <paramref name="aspects"/>.</summary>
    private bool IsAbout(KnowledgeEntry entry, IReadOnlyList<Aspect> aspects)
    {
        if (!aspectEntries.Value.Of.TryGetValue(entry.Id, out var its))
        {
            return false;
        }

        // Loops, not LINQ: a comparison asks this of every entry about an aspect, so it allocates nothing.
        foreach (var aspect in its)
        {
            for (var i = 0; i < aspects.Count; i++)
            {
                if (aspects[i] == aspect)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Built from bodyOf, so not in a field initializer: the first question whose first entry could be such an overview builds it.
    private HashSet<string>? everyBodysOverviews;

    /// <summary>The entries about no body that point to an entry about each body the knowledge base has (the materials).</summary>
    private HashSet<string> EveryBodysOverviews => LazyInitializer.EnsureInitialized(ref everyBodysOverviews, () =>
    {
        var bodies = bodyOf.Value.Values.Distinct(StringComparer.Ordinal).Count();
        return index.Knowledge.Entries
            .Where(e => bodies > 0 && !bodyOf.Value.ContainsKey(e.Id)
                && e.Related.Select(id => bodyOf.Value.GetValueOrDefault(id)).OfType<string>().Distinct(StringComparer.Ordinal).Count() == bodies)
            .Select(e => e.Id)
            .ToHashSet(StringComparer.Ordinal);
    });

    private readonly RetrievalOptions settings = options.Value;

    // The knowledge base's ordered lists of steps, found at the first question that asks for a next step (two threads
    // may both find them; they find the same).
    private List<List<(string Item, string EntryId)>>? sequenceSteps;

    // The knowledge base's lists of ways that allow more and more people, found at the first message that asks for more (two
    // threads may both find them; they find the same).
    private List<List<(string Item, string EntryId, int Allows)>>? headcountLadders;

    public RetrievalOptions Options => settings;

    /// <summary>The entries a follow-up may continue with, besides the previous entry itself, get this much extra rank.</summary>
    private const double FollowUpPreference = 0.1;

    /// <summary>A follow-up naming a topic keeps the previous entry's preference only when that entry's title, questions and tags hold this share of it.</summary>
    private const double FollowUpOwnTopic = 0.5;

    /// <summary>A follow-up asking an aspect each topic's entry states stays on the previous entry when its title, questions and tags hold this share of the message.</summary>
    private const double FollowUpHeldByPrevious = 0.8;

    // A follow-up's own reading is undecided when its first two entries are this close: it does not stand alone.
    private const double FollowUpUndecided = 0.1;

    /// <summary>How much more of one side's topic than of the other's an entry both sides found must hold to be that side's alone.</summary>
    private const double SameEntryLopsided = 0.3;

    /// <summary>The share of its confidence an entry about one body keeps for a question that names another (公司能拉多少人进来 and the sole proprietor's limit).</summary>
    private const double OtherBodyShare = 0.6;

    /// <summary>Each side of a comparison must reach this confidence on its own to count as a topic.</summary>
    private const double ComparisonSideConfidence = 0.3;

    /// <summary>An English comparison's side stands for its first few entries that are nearly as sure as the first.</summary>
    private const int EnglishSideEntries = 3;

    /// <summary>How sure, against the side's first entry, another entry must be to stand for the side too.</summary>
    private const double EnglishSideShare = 0.75;

    /// <summary>An entry whose title, questions and tags hold this share of each side's topic compares the two itself.</summary>
    private const double ComparisonOverviewCoverage = 0.6;

    // What an entry that compares itself (its title or tags: 对比, 各要多久) is preferred by among the entries about the asked
    // aspect that cover both sides: enough to win over one that covers both in passing.
    private const double AspectOverviewPreference = 0.5;

    // What an overview that uses each side's own word (对公账户验证 among the certification types' tags) is preferred by among
    // overviews the synonyms make equal (对公账户验证 and 对公打款 are one thing to the search; the guide compares them in two
    // tables, the certification types and the verification methods): per tag the question writes out.
    private const double LiteralTagPreference = 0.25;

    // How much of each side an entry titled with the aspect a comparison asks must speak of (在哪里注册 names 企业法人 and 事业单位).
    private const double AspectTitledCoverage = 0.3;

    // How far below the first entry an entry titled with the aspect asked may be found and still answer (免认证要年审吗).
    private const double AspectEntrySlack = 0.15;

    // How far below an overview for every body the entry about the body a question names may be found and still answer.
    private const double BodysOwnSlack = 0.25;

    public KnowledgeAnswer Answer(string question) => Answer(question, null);

    /// <summary>Answers <paramref name="question"/>, read as a follow-up of the previous turn when it is short.</summary>
    public KnowledgeAnswer Answer(string question, FollowUpContext? context) => Decide(Understand(question, context));

    /// <summary>All candidates for <paramref name="question"/>, best first. The candidate list is read-only and may be shared.</summary>
    public RetrievalResult Search(string question) => Search(question, null);

    private RetrievalResult Search(string question, PreparedQuestion? prepared)
    {
        question ??= string.Empty;

        // Retrieval reads nothing but this text, the index and the settings: the trimmed text is the whole cache key.
        var text = question.Trim();
        if (cache is null)
        {
            return new RetrievalResult(question, Retrieve(prepared ?? Prepare(text)));
        }

        if (!cache.TryGet(index, settings, text, out var candidates))
        {
            candidates = Retrieve(prepared ?? Prepare(text));
            cache.Add(index, settings, text, candidates);
        }

        return new RetrievalResult(question, candidates);
    }

    /// <summary>
    /// The question in Mandarin (written Cantonese) and simplified (traditional characters), its slips corrected and, when
    /// it is a story, reduced to its focus: the text retrieval searches.
    /// </summary>
    public PreparedQuestion Prepare(string question)
    {
        var text = TextNormalizer.ToSimplified(Cantonese.ToMandarin(question)).Trim();
        if (text.Length > settings.MaxQueryLength)
        {
            text = text[..settings.MaxQueryLength];
        }

        // Slips are corrected before the language is told: a term's pinyin left in Latin letters (shuiyin怎么开) makes a
        // Chinese question look English until it is read as the term. An English question keeps its text as typed.
        var (corrected, corrections) = text.Any(Pinyin.IsHan) ? index.Corrector.Correct(text) : (text, 0);
        var english = LanguageDetector.IsEnglish(corrected);

        // Nor is a word of another product read as a slip on a term (开视讯会议 is not 开始讯会议).
        if (english || (corrections > 0 && Declined(text) && !Declined(corrected)))
        {
            (corrected, corrections) = (text, 0);
        }

        // "A vs B" between Chinese words is a joiner, not an English word: a story's filler step would drop it with the spaces around it.
        // It becomes 还是, which both joins and asks to compare (模板导入 vs API导入 is a comparison with no other cue).
        corrected = english ? corrected : Versus().Replace(corrected, "还是");
        var focus = english ? corrected : QuestionFocus.Extract(corrected, clause => index.Analyzer.Terms(KnowledgeIndex.TitleField, clause).Where(index.IsKeyWord).Distinct(StringComparer.Ordinal));
        return new PreparedQuestion(text, focus, corrections, !string.Equals(focus, corrected, StringComparison.Ordinal), english);
    }

    /// <summary>Turns an understood question into an answer with the knowledge base's decision model.</summary>
    public KnowledgeAnswer Decide(QuestionUnderstanding understanding) => Decide(understanding, index.Knowledge.Decision);

    /// <summary>
    /// Turns an understood question into an answer, a "您是想问…" or out of scope. Without a fitted model (a knowledge
    /// folder with no decision.yaml yet) the top entry's confidence is held against the thresholds in the settings.
    /// </summary>
    public KnowledgeAnswer Decide(QuestionUnderstanding understanding, DecisionModel? model)
    {
        var result = understanding.Result;
        var suggestions = result.Candidates
            .Take(SuggestionCount)
            .Select(c => new KnowledgeSuggestion(c.Entry.Id, understanding.English && c.Entry.English is { } en ? en.Title : c.Entry.Title, Math.Round(c.Confidence, 4)))
            .ToList();
        var top = result.Top;
        if (top is null || understanding.Shown.Count == 0)
        {
            return new KnowledgeAnswer(understanding.Question, AnswerKind.OutOfScope, null, null, null, 0, suggestions) { English = understanding.English };
        }

        AnswerKind kind;
        double score;
        if (model is null)
        {
            score = top.Confidence;
            kind = score >= settings.AnswerThreshold ? AnswerKind.Answer : score >= settings.ClarifyThreshold ? AnswerKind.Clarify : AnswerKind.OutOfScope;
        }
        else
        {
            score = model.Score(understanding.Features, understanding.Type);
            kind = model.Decide(understanding.Features, understanding.Type);
        }

        score = Math.Round(score, 4);
        if (kind != AnswerKind.Answer)
        {
            return new KnowledgeAnswer(understanding.Question, kind, null, null, null, score, suggestions) { English = understanding.English };
        }

        var shown = understanding.Shown;
        var first = shown[0];
        var english = understanding.English && shown.All(e => e.English is not null);
        var text = shown.Count == 1 ? AnswerText.For(first, english) : AnswerText.SideBySide(shown, english);
        return new KnowledgeAnswer(understanding.Question, kind, first.Id, english ? first.English!.Title : first.Title, text, score, suggestions)
        {
            EntryIds = shown.Select(e => e.Id).ToList(),
            English = english,
        };
    }

    /// <summary>Turns candidates into an answer, a "您是想问…" or out of scope with the given confidence thresholds (the rule before the calibrated decision; kept for `kb eval --sweep`).</summary>
    public static KnowledgeAnswer Decide(RetrievalResult result, double answerThreshold, double clarifyThreshold)
    {
        var suggestions = result.Candidates
            .Take(SuggestionCount)
            .Select(c => new KnowledgeSuggestion(c.Entry.Id, c.Entry.Title, Math.Round(c.Confidence, 4)))
            .ToList();
        var top = result.Top;
        if (top is null)
        {
            return new KnowledgeAnswer(result.Question, AnswerKind.OutOfScope, null, null, null, 0, suggestions);
        }

        var score = Math.Round(top.Confidence, 4);
        if (top.Confidence >= answerThreshold)
        {
            return new KnowledgeAnswer(result.Question, AnswerKind.Answer, top.Entry.Id, top.Entry.Title, AnswerText.For(top.Entry), score, suggestions) { EntryIds = [top.Entry.Id] };
        }

        var kind = top.Confidence >= clarifyThreshold ? AnswerKind.Clarify : AnswerKind.OutOfScope;
        return new KnowledgeAnswer(result.Question, kind, null, null, null, score, suggestions);
    }

    /// <summary>
    /// The question's candidates: an English question searches the en: blocks (and any Chinese words in it), every other
    /// question the Chinese fields. None for a question about a WeChat account of one's own, which is judged on the whole
    /// question (用了企微，我个人微信的东西公司能看到吗 names WeCom before the clause its story is reduced to), and none for
    /// small talk (你好 / 谢谢 / 你是真人吗): the bot answers that before the knowledge base (SupportFollowUpHandler), so
    /// `ask` and `kb eval` must not offer an entry for it either.
    /// </summary>
    private IReadOnlyList<RetrievalCandidate> Retrieve(PreparedQuestion prepared) =>
        OwnWeChatAccount.IsAbout(prepared.Text) || SmallTalkRecognizer.Recognize(prepared.Text) != SmallTalk.None ? []
        : prepared.English && index.HasEnglish ? RetrieveEnglish(prepared.Text) : Retrieve(prepared.Focus);

    /// <summary>A text no entry may be offered for, in either language: it is about another product (knowledge/out-of-scope.yaml).</summary>
    private bool Declined(string text) => index.Knowledge.OutOfScope.FindIn(text) is not null;

    private IReadOnlyList<RetrievalCandidate> Retrieve(string text)
    {
        if (Declined(text))
        {
            return [];
        }

        var words = index.Analyzer.Terms(KnowledgeIndex.TitleField, text).Distinct(StringComparer.Ordinal).Take(settings.MaxQueryTerms).ToList();
        var grams = index.Analyzer.Terms(KnowledgeAnalyzer.GramsField, text).Distinct(StringComparer.Ordinal).Take(settings.MaxQueryTerms * 2).ToList();
        if (words.Count == 0 || index.Profiles.Count == 0)
        {
            return [];
        }

        // Lucene picks BooleanScorer (bucketed, out of order) for an all-SHOULD query; an in-order collector
        // (BooleanScorer2) allocates less but measured 2-3 times slower at 3,000 entries.
        var hits = CommonTermSearch.Search(index.Searcher, Clauses(words, grams), settings.Candidates);
        if (hits.Length == 0)
        {
            return [];
        }

        var maxScore = hits.Max(h => h.Score);
        var candidates = new List<RetrievalCandidate>(hits.Length);

        // The question's terms and their weights are the same for every candidate.
        var wordIds = words.Select(index.TermId).ToArray();
        var gramIds = grams.Select(index.TermId).ToArray();
        var wordWeights = wordIds.Select(index.QueryWordWeight).ToArray();
        var gramWeights = gramIds.Select(index.GramWeight).ToArray();
        var body = BodyNamedIn(text);
        foreach (var hit in hits)
        {
            var profile = index.Profiles[hit.Doc];
            var (confidence, coverage, closest) = Confidence(wordIds, wordWeights, gramIds, gramWeights, profile);
            var share = AboutAnotherBody(profile.Entry.Id, body) ? OtherBodyShare : 1;
            confidence *= share;
            var rank = ((1 - settings.LuceneRankWeight) * confidence) + (settings.LuceneRankWeight * share * hit.Score / maxScore);
            var namesTopic = wordIds.Any(profile.NamingWords.Contains);
            candidates.Add(new RetrievalCandidate(profile.Entry, confidence, hit.Score, rank, coverage, closest, namesTopic));
        }

        candidates.Sort((a, b) => b.Rank.CompareTo(a.Rank));

        // Read-only: a cached list is handed to every caller that asks the same question.
        return candidates.AsReadOnly();
    }

    /// <summary>
    /// The one registering body (企业, 个体工商户, 事业单位) a Chinese text names, read through the synonyms and without the
    /// spaces a story's focus puts between its words (企业 微 信 is the product); null when no entry is about one body.
    /// </summary>
    private string? BodyNamedIn(string text) =>
        bodyOf.Value.Count == 0 ? null : RegisteringBody.NamedIn(index.Knowledge.Synonyms.Normalize(string.Concat(text.Where(c => !char.IsWhiteSpace(c)))));

    /// <summary>True when the entry is about another registering body than <paramref name="body"/> (none named: false).</summary>
    private bool AboutAnotherBody(string entryId, string? body) =>
        body is not null && bodyOf.Value.TryGetValue(entryId, out var other) && other != body;

    private List<SearchClause> Clauses(List<string> words, List<string> grams)
    {
        var clauses = new List<SearchClause>((words.Count * 3) + grams.Count);
        foreach (var word in words)
        {
            Add(clauses, KnowledgeIndex.TitleField, word, settings.TitleBoost, isGram: false);
            Add(clauses, KnowledgeIndex.QuestionsField, word, settings.QuestionsBoost, isGram: false);
            Add(clauses, KnowledgeIndex.TagsField, word, settings.TagsBoost, isGram: false);
            Add(clauses, KnowledgeIndex.AnswerField, word, settings.AnswerBoost, isGram: false);
        }

        foreach (var gram in grams)
        {
            Add(clauses, KnowledgeAnalyzer.GramsField, gram, settings.GramsBoost, isGram: true);
        }

        return clauses;
    }

    private void Add(List<SearchClause> clauses, string field, string term, float boost, bool isGram)
    {
        // Terms absent from the field are left out: they match nothing and change no score.
        if (boost > 0 && index.Clause(field, term, isGram) is { } clause)
        {
            clause.Query.Boost = boost;
            clauses.Add(clause);
        }
    }

    private (double Confidence, double Coverage, double Closest) Confidence(int[] words, double[] wordWeights, int[] grams, double[] gramWeights, EntryProfile profile)
    {
        var coverage = Blend(
            Coverage(words, wordWeights, profile.KeyWords, profile.AnswerWords),
            Coverage(grams, gramWeights, profile.KeyGrams, profile.AnswerGrams),
            grams.Length);
        var closest = 0.0;
        foreach (var phrasing in profile.Phrasings)
        {
            var similarity = Blend(
                Dice(words, wordWeights, phrasing.Words, phrasing.WordWeight),
                Dice(grams, gramWeights, phrasing.Grams, phrasing.GramWeight),
                grams.Length);
            closest = Math.Max(closest, similarity);
        }

        return ((settings.CoverageWeight * coverage) + ((1 - settings.CoverageWeight) * closest), coverage, closest);
    }

    private double Blend(double wordScore, double gramScore, int gramCount) =>
        gramCount == 0 ? wordScore : (settings.WordCoverageWeight * wordScore) + ((1 - settings.WordCoverageWeight) * gramScore);

    /// <summary>Weighted Dice overlap: 1 when the question and the phrasing have the same terms, 0 when none in common.</summary>
    private static double Dice(int[] terms, double[] weights, HashSet<int> phrasing, double phrasingWeight)
    {
        double total = 0, shared = 0;
        for (var i = 0; i < terms.Length; i++)
        {
            total += weights[i];
            if (phrasing.Contains(terms[i]))
            {
                shared += weights[i];
            }
        }

        var denominator = total + phrasingWeight;
        return denominator <= 0 ? 0 : 2 * shared / denominator;
    }

    private double Coverage(int[] terms, double[] weights, HashSet<int> key, HashSet<int> answer, double? answerCredit = null)
    {
        var credit = answerCredit ?? settings.AnswerTermCredit;
        double total = 0, covered = 0;
        for (var i = 0; i < terms.Length; i++)
        {
            var term = terms[i];
            var w = weights[i];
            total += w;
            if (key.Contains(term))
            {
                covered += w;
            }
            else if (answer.Contains(term))
            {
                covered += w * credit;
            }
        }

        return total <= 0 ? 0 : covered / total;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*(?<![A-Za-z])(?:vs|VS|Vs|v\.s\.)\.?(?![A-Za-z])\s*")]
    private static partial System.Text.RegularExpressions.Regex Versus();
}
