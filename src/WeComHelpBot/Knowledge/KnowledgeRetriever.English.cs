using System.Text.RegularExpressions;
using Lucene.Net.Search;
using WeComHelpBot.Knowledge.Understanding;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Knowledge;

// Retrieval for questions asked in English: the entries' en: blocks, plus any Chinese words in the question.
public sealed partial class KnowledgeRetriever
{
    private IReadOnlyList<RetrievalCandidate> RetrieveEnglish(string text)
    {
        if (Declined(text))
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

        var clauses = new List<SearchClause>((english.Count * 2) + (chinese.Count * 3));
        foreach (var word in english)
        {
            Add(clauses, KnowledgeIndex.EnglishTitleField, word, settings.TitleBoost, isGram: false);
            Add(clauses, KnowledgeIndex.EnglishQuestionsField, word, settings.QuestionsBoost, isGram: false);
            Add(clauses, KnowledgeIndex.EnglishAnswerField, word, settings.AnswerBoost, isGram: false);
        }

        foreach (var word in chinese)
        {
            Add(clauses, KnowledgeIndex.TitleField, word, settings.TitleBoost, isGram: false);
            Add(clauses, KnowledgeIndex.QuestionsField, word, settings.QuestionsBoost, isGram: false);
            Add(clauses, KnowledgeIndex.TagsField, word, settings.TagsBoost, isGram: false);
        }

        var hits = CommonTermSearch.Search(index.Searcher, clauses, settings.Candidates);
        if (hits.Length == 0)
        {
            return [];
        }

        var maxScore = hits.Max(h => h.Score);
        var englishIds = english.Select(index.TermId).ToArray();
        var englishWeights = englishIds.Select(index.WordWeight).ToArray();
        var chineseIds = chinese.Select(index.TermId).ToArray();
        var chineseWeights = chineseIds.Select(index.WordWeight).ToArray();
        var total = englishWeights.Sum() + chineseWeights.Sum();
        var candidates = new List<RetrievalCandidate>(hits.Length);
        var body = bodyOf.Value.Count == 0 ? null : RegisteringBody.NamedInEnglish(text);
        foreach (var hit in hits)
        {
            var profile = index.Profiles[hit.Doc];
            var en = profile.English;

            // Coverage of the whole question: English words by the en: block, Chinese words by the entry's Chinese text.
            var covered = (en is null ? 0 : Coverage(englishIds, englishWeights, en.KeyWords, en.AnswerWords) * englishWeights.Sum())
                + (Coverage(chineseIds, chineseWeights, profile.KeyWords, profile.AnswerWords) * chineseWeights.Sum());
            var coverage = total <= 0 ? 0 : covered / total;
            var closest = en is null ? 0 : en.Phrasings.Max(p => Dice(englishIds, englishWeights, p.Words, p.WordWeight));
            var share = AboutAnotherBody(profile.Entry.Id, body) ? OtherBodyShare : 1;
            var confidence = share * ((settings.CoverageWeight * coverage) + ((1 - settings.CoverageWeight) * closest));
            var rank = ((1 - settings.LuceneRankWeight) * confidence) + (settings.LuceneRankWeight * share * hit.Score / maxScore);
            var namesTopic = chineseIds.Any(profile.NamingWords.Contains) || (en is not null && englishIds.Any(en.Phrasings[0].Words.Contains));
            candidates.Add(new RetrievalCandidate(profile.Entry, confidence, hit.Score, rank, coverage, closest, namesTopic));
        }

        candidates.Sort((a, b) => b.Rank.CompareTo(a.Rank));
        return candidates.AsReadOnly();
    }

    /// <summary>
    /// Reads a short English message in the previous English question's context ("And a sole proprietor?" after "How many
    /// members can a company have?"): the two are searched together, and each entry is weighed by how well it fits both
    /// and how much of the message's own words it holds, so the topic the message names wins over the previous one. Null
    /// when the message stands on its own: it is long, or it does not lean on the previous one (no "and", "what about" …)
    /// and finds an entry with confidence by itself.
    /// </summary>
    private (RetrievalResult Result, string Focus, bool Listed)? EnglishFollowUp(PreparedQuestion prepared, RetrievalResult plain, FollowUpContext context)
    {
        if (context.Question is not { Length: > 0 } previous || !LanguageDetector.IsEnglish(previous)
            || EnglishWord().Count(prepared.Text) > EnglishFollowUpMaxWords)
        {
            return null;
        }

        var leans = EnglishLean().IsMatch(prepared.Text);
        if (!leans && plain.Top is { } alone && alone.Confidence >= settings.FollowUpPlainConfidence)
        {
            return null;
        }

        var merged = $"{previous.Trim()} {prepared.Text.Trim()}";
        var candidates = RetrieveEnglish(merged);
        if (candidates.Count == 0)
        {
            return null;
        }

        // As in Chinese, the entries the previous answer points to are a little likelier: "And the bank transfer?" after
        // the face scan's duration is the bank transfer's page, not its time-out.
        var own = plain.Candidates.ToDictionary(c => c.Entry.Id, c => c.Coverage, StringComparer.Ordinal);
        var near = context.EntryId is { } id && index.Knowledge.Find(id) is { } shown ? shown.Related : [];
        var reweighed = WeighedAsFollowUp(candidates, c => own.GetValueOrDefault(c.Entry.Id), c => near.Contains(c.Entry.Id));
        return (new RetrievalResult(plain.Question, reweighed), merged, false);
    }

    // Longer English messages are questions of their own.
    private const int EnglishFollowUpMaxWords = 8;

    // How an English message leans on the one before: "And a sole proprietor?", "What about the bank transfer?", "Same for schools?".
    [GeneratedRegex(@"^\W*(?:(?:and|but|so|ok|okay)\W+)?(?:(?:what|how)\s+about|and|or|same\s+for|also\s+for|what\s+if|if)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishLean();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex EnglishWord();

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

    /// <summary>
    /// An English question that compares two things (the difference between WeChat certification and the free mode;
    /// manual entry vs the Excel template): each side is looked up on its own, and the overview that lists both sides'
    /// entries among its related ones answers (the certification types), else the two sides go side by side. Null when
    /// the question compares nothing or the sides find no two different entries.
    /// </summary>
    private (IReadOnlyList<KnowledgeEntry> Shown, RetrievalCandidate Answer, ComparisonFit Fit)? EnglishComparison(string text, RetrievalResult result)
    {
        if (EnglishSides(text) is not var (left, right))
        {
            return null;
        }

        // Each side's surest entries: a side's wording may fit a neighbour of the entry the overview lists (the corporate
        // account verification → the bank account's entry before the bank transfer's).
        var lefts = SideEntries(left);
        var rights = SideEntries(right);
        if (lefts.Count == 0 || rights.Count == 0)
        {
            return null;
        }

        var a = lefts[0];
        var b = rights.FirstOrDefault(c => c.Entry.Id != a.Entry.Id);
        if (b is null)
        {
            return null;
        }

        var sure = Math.Min(a.Confidence, b.Confidence);

        // A side's own entry may be the overview of both (no certification → the certification types, which list WeChat
        // certification), or an overview lists both.
        bool Covers(KnowledgeEntry e, IReadOnlyList<RetrievalCandidate> side) => side.Any(c => c.Entry.Id == e.Id || e.Related.Contains(c.Entry.Id));
        var ranked = result.Candidates.Select(c => c.Entry.Id).ToList();
        var hub = comparingEntries.Value
            .Where(e => Covers(e, lefts) && Covers(e, rights))
            .OrderBy(e => ranked.IndexOf(e.Id) is var at and >= 0 ? at : int.MaxValue)
            .FirstOrDefault();
        if (hub is not null)
        {
            var answer = result.Candidates.FirstOrDefault(c => c.Entry.Id == hub.Id) ?? new RetrievalCandidate(hub, sure, 0, result.Candidates.Count + 1);
            return ([hub], answer with { Confidence = Math.Max(answer.Confidence, sure) }, new ComparisonFit(sure, 0, Hub: true));
        }

        return ([a.Entry, b.Entry], a with { Confidence = sure }, new ComparisonFit(sure, 0, Sides: true));
    }

    /// <summary>
    /// A side's entries in English: the first few (<see cref="EnglishSideEntries"/>) at least <see cref="EnglishSideShare"/>
    /// as sure as the first, which must be as sure as a Chinese comparison's side.
    /// </summary>
    private List<RetrievalCandidate> SideEntries(string side)
    {
        var found = RetrieveEnglish(side);
        if (found.Count == 0 || found[0].Confidence < ComparisonSideConfidence)
        {
            return [];
        }

        return found.Take(EnglishSideEntries).Where(c => c.Confidence >= EnglishSideShare * found[0].Confidence).ToList();
    }

    /// <summary>The two things an English question compares, or null: "difference between A and B", "A vs B", "compare A with B".</summary>
    internal static (string Left, string Right)? EnglishSides(string text)
    {
        var match = EnglishComparisonPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var left = match.Groups["a"].Value.Trim(' ', ',', '?', '.', '!');
        var right = match.Groups["b"].Value.Trim(' ', ',', '?', '.', '!');
        return left.Length >= 2 && right.Length >= 2 ? (left, right) : null;
    }

    [GeneratedRegex(
        @"differen(?:ce|ces)\s+between\s+(?<a>.+?)\s+and\s+(?<b>[^?.!]+)|compare\s+(?<a>.+?)\s+(?:and|with|to)\s+(?<b>[^?.!]+)|(?<a>[^,?.!]+?)\s+(?:vs\.?|versus)\s+(?<b>[^,?.!]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishComparisonPattern();
}
