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
/// With a <see cref="RetrievalResultCache"/>, a question asked again reuses its candidates.
/// </summary>
public sealed class KnowledgeRetriever(KnowledgeIndex index, IOptions<RetrievalOptions> options, RetrievalResultCache? cache = null) : IKnowledgeAnswerer
{
    public const int SuggestionCount = 3;

    private readonly RetrievalOptions settings = options.Value;

    public RetrievalOptions Options => settings;

    /// <summary>The entries a follow-up may continue with, besides the previous entry itself, get this much extra rank.</summary>
    private const double FollowUpPreference = 0.1;

    /// <summary>Each side of a comparison must reach this confidence on its own to count as a topic.</summary>
    private const double ComparisonSideConfidence = 0.3;

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
    /// The question simplified (traditional characters), its slips corrected and, when it is a story, reduced to its
    /// focus: the text retrieval searches.
    /// </summary>
    public PreparedQuestion Prepare(string question)
    {
        var text = TextNormalizer.ToSimplified(question ?? string.Empty).Trim();
        if (text.Length > settings.MaxQueryLength)
        {
            text = text[..settings.MaxQueryLength];
        }

        var english = LanguageDetector.IsEnglish(text);
        var (corrected, corrections) = english ? (text, 0) : index.Corrector.Correct(text);
        var focus = english ? corrected : QuestionFocus.Extract(corrected, clause => index.Analyzer.Terms(KnowledgeIndex.TitleField, clause).Where(index.IsKeyWord).Distinct(StringComparer.Ordinal));
        return new PreparedQuestion(text, focus, corrections, !string.Equals(focus, corrected, StringComparison.Ordinal), english);
    }

    /// <summary>Retrieval and the decision's features for one question, with the previous turn as context.</summary>
    public QuestionUnderstanding Understand(string question, FollowUpContext? context = null)
    {
        question ??= string.Empty;
        var prepared = Prepare(question);
        var result = Search(question, prepared);
        var focus = prepared.Focus;
        var followUp = false;

        if (context is not null && focus.Length <= settings.FollowUpMaxLength && !prepared.English
            && FollowUp(prepared, result, context) is { } continued)
        {
            (result, focus) = continued;
            followUp = true;
        }

        var top = result.Top;
        IReadOnlyList<KnowledgeEntry> shown = top is null ? [] : [top.Entry];
        var comparison = false;
        var confidence = top?.Confidence ?? 0;
        if (top is not null && !followUp && ComparisonDetector.Split(focus) is var (left, right)
            && Side(result, left) is { } a && Side(result, right) is { } b && a.Entry.Id != b.Entry.Id)
        {
            comparison = true;

            // An entry that points to both sides (or both to it) is the overview that compares them (三种验证方式怎么选);
            // without one, the two sides go side by side: never one side alone.
            bool Links(KnowledgeEntry e, RetrievalCandidate side) => e.Related.Contains(side.Entry.Id) || side.Entry.Related.Contains(e.Id);
            var overview = result.Candidates.Take(SuggestionCount + 5)
                .Where(c => c.Entry.Id != a.Entry.Id && c.Entry.Id != b.Entry.Id && Links(c.Entry, a) && Links(c.Entry, b))
                .MaxBy(c => c.Confidence);
            if (overview is not null)
            {
                shown = [overview.Entry];
                confidence = overview.Confidence;
                result = result with { Candidates = [overview, .. result.Candidates.Where(c => c != overview)] };
            }
            else
            {
                shown = [a.Entry, b.Entry];
                confidence = Math.Min(a.Confidence, b.Confidence);
            }
        }

        var clause = prepared.Story && top is not null ? ClauseConfidence(prepared.Focus, top) : confidence;
        var features = Features(focus, result, confidence, clause, prepared, followUp, comparison);
        return new QuestionUnderstanding(question, focus, result, features, shown, prepared.English, followUp);
    }

    /// <summary>
    /// Reads a short message in the previous turn's context: the previous question and the message are searched together,
    /// and of those candidates the one that also covers the message's own words wins (那个体户呢 after 公司最多能加多少人 →
    /// the sole proprietor's limit, not the company's again). Null when the message stands on its own: it finds an entry
    /// with confidence and that entry is not one the previous answer pointed to.
    /// </summary>
    private (RetrievalResult Result, string Focus)? FollowUp(PreparedQuestion prepared, RetrievalResult plain, FollowUpContext context)
    {
        var previous = context.EntryId is null ? null : index.Knowledge.Find(context.EntryId);
        var near = previous is null ? [] : previous.Related.Append(previous.Id).ToHashSet(StringComparer.Ordinal);
        var topic = context.Question is { Length: > 0 } q ? Prepare(q).Focus : previous?.Title;
        if (topic is null)
        {
            return null;
        }

        var merged = $"{topic}，{prepared.Focus}";
        var candidates = Retrieve(merged);
        if (candidates.Count == 0)
        {
            return null;
        }

        // A message about something the knowledge base does not know (天气怎么样) is no follow-up, whatever came before.
        var words = index.Analyzer.Terms(KnowledgeIndex.TitleField, prepared.Focus);
        if (words.Count(w => !index.IsKnownWord(w)) * 2 > words.Count && !QuestionFocus.Continues(prepared.Focus))
        {
            return null;
        }

        // A message with no topic word of its own (还是不行, 要多久) continues the previous entry itself.
        var ownTopic = words.Any(index.IsNamingWord);
        if (!ownTopic && previous is not null && candidates.FirstOrDefault(c => c.Entry.Id == previous.Id) is { } same
            && !prepared.Focus.Contains('多') && !prepared.Focus.Contains('几'))
        {
            return (new RetrievalResult(plain.Question, [same, .. candidates.Where(c => c != same)]), merged);
        }

        // Each candidate of the joint search, weighed by how well it fits the joint text and the message's own words, the
        // previous entry and its related ones a little more: that weight is the candidate's confidence as a follow-up.
        var ownCoverage = plain.Candidates.ToDictionary(c => c.Entry.Id, c => c.Coverage, StringComparer.Ordinal);
        double Fit(RetrievalCandidate c) =>
            Math.Clamp((0.5 * c.Confidence) + (0.5 * ownCoverage.GetValueOrDefault(c.Entry.Id))
                + (near.Contains(c.Entry.Id) ? FollowUpPreference : 0), 0, 1);
        var reweighed = candidates.Select(c => c with { Confidence = Fit(c) }).OrderByDescending(c => c.Confidence).ToList();
        var best = reweighed[0];

        // "那X呢" asks the previous question again about X: it never stands alone.
        var elliptical = prepared.Focus.StartsWith('那') || prepared.Focus.TrimEnd('？', '?', ' ').EndsWith('呢');
        var plainTop = plain.Top;
        var standsAlone = !elliptical && plainTop is not null && plainTop.Confidence >= settings.FollowUpPlainConfidence && !near.Contains(plainTop.Entry.Id);
        if (standsAlone)
        {
            return null;
        }

        return (new RetrievalResult(plain.Question, reweighed), merged);
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
            score = model.Score(understanding.Features);
            kind = model.Decide(understanding.Features);
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
    /// One side of a comparison: among the whole question's candidates (and the side's own first one), the entry that
    /// both fits the question and names the side best; null when the side finds nothing with some confidence.
    /// </summary>
    private RetrievalCandidate? Side(RetrievalResult whole, string side)
    {
        // Scored against the whole question's candidates only, without a search of its own: the whole question holds both
        // sides' words, so both sides' entries are among its hits, and a comparison costs no more Lucene queries.
        var pool = whole.Candidates.Take(SuggestionCount + 5).ToList();
        var sideConfidence = ConfidenceFor(Prepare(side).Focus, pool);
        if (sideConfidence.Count == 0 || sideConfidence.Values.Max() < ComparisonSideConfidence)
        {
            return null;
        }

        // The side's own words decide; the whole question breaks near ties toward what it asks about both (各能加几个人).
        return pool.MaxBy(c => sideConfidence.GetValueOrDefault(c.Entry.Id) + (0.25 * c.Confidence));
    }

    /// <summary>The best confidence any single asking clause of a story reaches for the first entry: the question inside, weighed alone.</summary>
    private double ClauseConfidence(string focus, RetrievalCandidate top)
    {
        var best = 0.0;
        foreach (var clause in QuestionFocus.Split(focus).Where(QuestionFocus.Asks))
        {
            best = Math.Max(best, ConfidenceFor(clause, [top]).GetValueOrDefault(top.Entry.Id));
        }

        return best;
    }

    /// <summary>The confidence of <paramref name="text"/> for each of <paramref name="candidates"/>' entries, without a search.</summary>
    private Dictionary<string, double> ConfidenceFor(string text, IReadOnlyList<RetrievalCandidate> candidates)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var words = index.Analyzer.Terms(KnowledgeIndex.TitleField, text).Distinct(StringComparer.Ordinal).Take(settings.MaxQueryTerms).ToList();
        if (words.Count == 0)
        {
            return scores;
        }

        var grams = index.Analyzer.Terms(KnowledgeAnalyzer.GramsField, text).Distinct(StringComparer.Ordinal).Take(settings.MaxQueryTerms * 2).ToList();
        var wordIds = words.Select(index.TermId).ToArray();
        var gramIds = grams.Select(index.TermId).ToArray();
        var wordWeights = wordIds.Select(index.WordWeight).ToArray();
        var gramWeights = gramIds.Select(index.GramWeight).ToArray();
        foreach (var candidate in candidates)
        {
            if (index.ProfileOf(candidate.Entry.Id) is { } profile)
            {
                scores[candidate.Entry.Id] = Confidence(wordIds, wordWeights, gramIds, gramWeights, profile).Confidence;
            }
        }

        return scores;
    }

    private DecisionFeatures Features(string focus, RetrievalResult result, double confidence, double clauseConfidence, PreparedQuestion prepared, bool followUp, bool comparison)
    {
        var top = result.Top;
        if (top is null)
        {
            return DecisionFeatures.None;
        }

        var words = index.Analyzer.Terms(KnowledgeIndex.TitleField, focus).Distinct(StringComparer.Ordinal).ToList();
        var grams = index.Analyzer.Terms(KnowledgeAnalyzer.GramsField, focus).Distinct(StringComparer.Ordinal).ToList();
        var knownWords = words.Count(index.IsKnownWord);
        var knownGrams = grams.Count(index.IsKnownGram);
        var unknown = words.Where(w => !index.IsKnownWord(w)).Sum(w => index.WordWeight(-1));
        var second = result.Candidates.Count > 1 ? result.Candidates[1] : null;
        var asks = QuestionFocus.Asks(prepared.Text) || prepared.Text.Contains('?') || prepared.Text.Contains('？');
        double[] domain =
        [
            words.Count == 0 ? 0 : (double)knownWords / words.Count,
            grams.Count == 0 ? 0 : (double)knownGrams / grams.Count,
            unknown / 10,
            confidence,
            asks ? 1 : 0,
            Math.Log(1 + words.Count),
            prepared.English ? 1 : 0,
            words.Count == 0 ? 0 : (double)words.Count(index.IsKeyWord) / words.Count,
        ];
        var topScore = top.LuceneScore;
        var secondScore = second?.LuceneScore ?? 0;
        double[] entry =
        [
            confidence,
            confidence - (second?.Confidence ?? 0),
            top.Coverage,
            top.Closest,
            topScore + secondScore <= 0 ? 0 : topScore / (topScore + secondScore),
            top.NamesTopic ? 1 : 0,
            result.Candidates.All(c => c.LuceneScore <= topScore) ? 1 : 0,
            prepared.Corrections > 0 ? 1 : 0,
            followUp ? 1 : 0,
            comparison ? 1 : 0,
            prepared.Story ? 1 : 0,
            prepared.English ? 1 : 0,
            clauseConfidence,
            result.Candidates.All(c => c.Confidence <= top.Confidence) ? 1 : 0,
            Math.Log(1 + topScore),
        ];
        return new DecisionFeatures(domain, entry);
    }

    /// <summary>An English question searches the en: blocks (and any Chinese words in it); every other question the Chinese fields.</summary>
    private IReadOnlyList<RetrievalCandidate> Retrieve(PreparedQuestion prepared) =>
        prepared.English && index.HasEnglish ? RetrieveEnglish(prepared.Text) : Retrieve(prepared.Focus);

    private IReadOnlyList<RetrievalCandidate> RetrieveEnglish(string text)
    {
        if (index.Knowledge.OutOfScope.FindIn(text) is not null)
        {
            return [];
        }

        var english = index.Analyzer.Terms(KnowledgeIndex.EnglishTitleField, text).Where(t => !t.Any(Pinyin.IsHan)).Distinct(StringComparer.Ordinal).Take(settings.MaxQueryTerms).ToList();
        var han = string.Join("，", HanRuns(text));
        var chinese = han.Length == 0 ? [] : index.Analyzer.Terms(KnowledgeIndex.TitleField, han).Distinct(StringComparer.Ordinal).Take(settings.MaxQueryTerms).ToList();
        if (english.Count + chinese.Count == 0 || index.Profiles.Count == 0)
        {
            return [];
        }

        var query = new BooleanQuery();
        foreach (var word in english)
        {
            Add(query, KnowledgeIndex.EnglishTitleField, word, settings.TitleBoost, isGram: false);
            Add(query, KnowledgeIndex.EnglishQuestionsField, word, settings.QuestionsBoost, isGram: false);
            Add(query, KnowledgeIndex.EnglishAnswerField, word, settings.AnswerBoost, isGram: false);
        }

        foreach (var word in chinese)
        {
            Add(query, KnowledgeIndex.TitleField, word, settings.TitleBoost, isGram: false);
            Add(query, KnowledgeIndex.QuestionsField, word, settings.QuestionsBoost, isGram: false);
            Add(query, KnowledgeIndex.TagsField, word, settings.TagsBoost, isGram: false);
        }

        var hits = index.Searcher.Search(query, settings.Candidates);
        if (hits.ScoreDocs.Length == 0)
        {
            return [];
        }

        var maxScore = hits.ScoreDocs.Max(h => h.Score);
        var englishIds = english.Select(index.TermId).ToArray();
        var englishWeights = englishIds.Select(index.WordWeight).ToArray();
        var chineseIds = chinese.Select(index.TermId).ToArray();
        var chineseWeights = chineseIds.Select(index.WordWeight).ToArray();
        var total = englishWeights.Sum() + chineseWeights.Sum();
        var candidates = new List<RetrievalCandidate>(hits.ScoreDocs.Length);
        foreach (var hit in hits.ScoreDocs)
        {
            var profile = index.Profiles[hit.Doc];
            var en = profile.English;

            // Coverage of the whole question: English words by the en: block, Chinese words by the entry's Chinese text.
            var covered = (en is null ? 0 : Coverage(englishIds, englishWeights, en.KeyWords, en.AnswerWords) * englishWeights.Sum())
                + (Coverage(chineseIds, chineseWeights, profile.KeyWords, profile.AnswerWords) * chineseWeights.Sum());
            var coverage = total <= 0 ? 0 : covered / total;
            var closest = en is null ? 0 : en.Phrasings.Max(p => Dice(englishIds, englishWeights, p.Words, p.WordWeight));
            var confidence = (settings.CoverageWeight * coverage) + ((1 - settings.CoverageWeight) * closest);
            var rank = ((1 - settings.LuceneRankWeight) * confidence) + (settings.LuceneRankWeight * hit.Score / maxScore);
            var namesTopic = chineseIds.Any(profile.NamingWords.Contains) || (en is not null && englishIds.Any(en.Phrasings[0].Words.Contains));
            candidates.Add(new RetrievalCandidate(profile.Entry, confidence, hit.Score, rank, coverage, closest, namesTopic));
        }

        candidates.Sort((a, b) => b.Rank.CompareTo(a.Rank));
        return candidates.AsReadOnly();
    }

    private static IEnumerable<string> HanRuns(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var han = i < text.Length && Pinyin.IsHan(text[i]);
            if (han && start < 0)
            {
                start = i;
            }
            else if (!han && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    private IReadOnlyList<RetrievalCandidate> Retrieve(string text)
    {
        if (index.Knowledge.OutOfScope.FindIn(text) is not null)
        {
            // Another product (knowledge/out-of-scope.yaml): no entry may be offered as its answer.
            return [];
        }

        var words = index.Analyzer.Terms(KnowledgeIndex.TitleField, text).Distinct(StringComparer.Ordinal).Take(settings.MaxQueryTerms).ToList();
        var grams = index.Analyzer.Terms(KnowledgeAnalyzer.GramsField, text).Distinct(StringComparer.Ordinal).Take(settings.MaxQueryTerms * 2).ToList();
        if (words.Count == 0 || index.Profiles.Count == 0)
        {
            return [];
        }

        // Lucene picks BooleanScorer (bucketed, out of order) for this all-SHOULD query; an in-order collector
        // (BooleanScorer2) allocates less but measured 2-3 times slower at 3,000 entries.
        var hits = index.Searcher.Search(BuildQuery(words, grams), settings.Candidates);
        if (hits.ScoreDocs.Length == 0)
        {
            return [];
        }

        var maxScore = hits.ScoreDocs.Max(h => h.Score);
        var candidates = new List<RetrievalCandidate>(hits.ScoreDocs.Length);

        // The question's terms and their weights are the same for every candidate.
        var wordIds = words.Select(index.TermId).ToArray();
        var gramIds = grams.Select(index.TermId).ToArray();
        var wordWeights = wordIds.Select(index.WordWeight).ToArray();
        var gramWeights = gramIds.Select(index.GramWeight).ToArray();
        foreach (var hit in hits.ScoreDocs)
        {
            var profile = index.Profiles[hit.Doc];
            var (confidence, coverage, closest) = Confidence(wordIds, wordWeights, gramIds, gramWeights, profile);
            var rank = ((1 - settings.LuceneRankWeight) * confidence) + (settings.LuceneRankWeight * hit.Score / maxScore);
            var namesTopic = wordIds.Any(profile.NamingWords.Contains);
            candidates.Add(new RetrievalCandidate(profile.Entry, confidence, hit.Score, rank, coverage, closest, namesTopic));
        }

        candidates.Sort((a, b) => b.Rank.CompareTo(a.Rank));

        // Read-only: a cached list is handed to every caller that asks the same question.
        return candidates.AsReadOnly();
    }

    private Query BuildQuery(List<string> words, List<string> grams)
    {
        var query = new BooleanQuery();
        foreach (var word in words)
        {
            Add(query, KnowledgeIndex.TitleField, word, settings.TitleBoost, isGram: false);
            Add(query, KnowledgeIndex.QuestionsField, word, settings.QuestionsBoost, isGram: false);
            Add(query, KnowledgeIndex.TagsField, word, settings.TagsBoost, isGram: false);
            Add(query, KnowledgeIndex.AnswerField, word, settings.AnswerBoost, isGram: false);
        }

        foreach (var gram in grams)
        {
            Add(query, KnowledgeAnalyzer.GramsField, gram, settings.GramsBoost, isGram: true);
        }

        return query;
    }

    private void Add(BooleanQuery query, string field, string term, float boost, bool isGram)
    {
        // Terms absent from the field are left out: they match nothing and change no score.
        if (boost > 0 && index.TermQuery(field, term, isGram) is { } termQuery)
        {
            termQuery.Boost = boost;
            query.Add(termQuery, Occur.SHOULD);
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

    private double Coverage(int[] terms, double[] weights, HashSet<int> key, HashSet<int> answer)
    {
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
                covered += w * settings.AnswerTermCredit;
            }
        }

        return total <= 0 ? 0 : covered / total;
    }
}
