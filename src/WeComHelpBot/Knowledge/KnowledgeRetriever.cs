using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;

namespace WeComHelpBot.Knowledge;

/// <summary>
/// Answers a question from the knowledge index. Lucene (BM25) finds candidates; each is scored with a confidence
/// in 0..1: the share of the question's topical weight (IDF of its words and character bigrams) that the entry
/// covers. A question about something the knowledge base never mentions (weather, personal WeChat, another app)
/// keeps its distinctive words uncovered, so its confidence stays low whatever BM25 ranks first.
/// </summary>
public sealed class KnowledgeRetriever(KnowledgeIndex index, IOptions<RetrievalOptions> options) : IKnowledgeAnswerer
{
    public const int SuggestionCount = 3;

    private readonly RetrievalOptions settings = options.Value;

    public RetrievalOptions Options => settings;

    public KnowledgeAnswer Answer(string question) =>
        Decide(Search(question), settings.AnswerThreshold, settings.ClarifyThreshold);

    /// <summary>All candidates for <paramref name="question"/>, best first.</summary>
    public RetrievalResult Search(string question)
    {
        var text = (question ?? string.Empty).Trim();
        if (text.Length > settings.MaxQueryLength)
        {
            text = text[..settings.MaxQueryLength];
        }

        var words = index.Analyzer.Terms(KnowledgeIndex.TitleField, text).Distinct(StringComparer.Ordinal).Take(settings.MaxQueryTerms).ToList();
        var grams = index.Analyzer.Terms(KnowledgeAnalyzer.GramsField, text).Distinct(StringComparer.Ordinal).Take(settings.MaxQueryTerms * 2).ToList();
        if (words.Count == 0 || index.Profiles.Count == 0)
        {
            return new RetrievalResult(question ?? string.Empty, []);
        }

        var hits = index.Searcher.Search(BuildQuery(words, grams), settings.Candidates);
        if (hits.ScoreDocs.Length == 0)
        {
            return new RetrievalResult(question ?? string.Empty, []);
        }

        var maxScore = hits.ScoreDocs.Max(h => h.Score);
        var candidates = new List<RetrievalCandidate>(hits.ScoreDocs.Length);
        foreach (var hit in hits.ScoreDocs)
        {
            var profile = index.Profiles[hit.Doc];
            var confidence = Confidence(words, grams, profile);
            var rank = ((1 - settings.LuceneRankWeight) * confidence) + (settings.LuceneRankWeight * hit.Score / maxScore);
            candidates.Add(new RetrievalCandidate(profile.Entry, confidence, hit.Score, rank));
        }

        candidates.Sort((a, b) => b.Rank.CompareTo(a.Rank));
        return new RetrievalResult(question ?? string.Empty, candidates);
    }

    /// <summary>Turns candidates into an answer, a "您是想问…" or out of scope, with the given thresholds.</summary>
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
            return new KnowledgeAnswer(result.Question, AnswerKind.Answer, top.Entry.Id, top.Entry.Title, AnswerText.For(top.Entry), score, suggestions);
        }

        var kind = top.Confidence >= clarifyThreshold ? AnswerKind.Clarify : AnswerKind.OutOfScope;
        return new KnowledgeAnswer(result.Question, kind, null, null, null, score, suggestions);
    }

    private Query BuildQuery(List<string> words, List<string> grams)
    {
        var query = new BooleanQuery();
        foreach (var word in words)
        {
            Add(query, KnowledgeIndex.TitleField, word, settings.TitleBoost);
            Add(query, KnowledgeIndex.QuestionsField, word, settings.QuestionsBoost);
            Add(query, KnowledgeIndex.TagsField, word, settings.TagsBoost);
            Add(query, KnowledgeIndex.AnswerField, word, settings.AnswerBoost);
        }

        foreach (var gram in grams)
        {
            Add(query, KnowledgeAnalyzer.GramsField, gram, settings.GramsBoost);
        }

        return query;
    }

    private static void Add(BooleanQuery query, string field, string term, float boost)
    {
        if (boost > 0)
        {
            query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
        }
    }

    private double Confidence(List<string> words, List<string> grams, EntryProfile profile)
    {
        var wordCoverage = Coverage(words, index.WordWeight, profile.KeyWords, profile.AnswerWords);
        if (grams.Count == 0)
        {
            return wordCoverage;
        }

        var gramCoverage = Coverage(grams, index.GramWeight, profile.KeyGrams, profile.AnswerGrams);
        return (settings.WordCoverageWeight * wordCoverage) + ((1 - settings.WordCoverageWeight) * gramCoverage);
    }

    private double Coverage(List<string> terms, Func<string, double> weight, HashSet<string> key, HashSet<string> answer)
    {
        double total = 0, covered = 0;
        foreach (var term in terms)
        {
            var w = weight(term);
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
