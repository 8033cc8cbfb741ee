using WeComHelpBot.Knowledge;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Analytics.Gaps;

/// <summary>
/// Groups the questions the knowledge base did not serve and proposes, for each group, an entry to take the wording as
/// a new example question, or a new entry. Similarity is the knowledge base's own analysis: SmartCn words after the
/// synonym rewrite (扫脸 = 人脸识别) and character bigrams, each compared with Dice. An entry is proposed when the
/// retriever's confidence for the group reaches the clarify threshold, the band in which the bot already asks
/// "您是想问…"; below it the question is about something no entry covers.
/// </summary>
public sealed class ContentGapFinder(KnowledgeRetriever retriever, KnowledgeIndex index)
{
    /// <summary>Mean similarity to a group's wordings at which a question joins the group.</summary>
    public const double GroupThreshold = 0.5;

    private const int CandidatesPerQuestion = 3;

    public ContentGapReport Find(IEnumerable<GapQuestion> questions)
    {
        var all = questions.ToList();
        var variants = Variants(all);
        var groups = new List<List<Variant>>();
        foreach (var variant in variants.OrderByDescending(v => v.Questions.Count).ThenBy(v => v.FirstSeen))
        {
            var best = groups
                .Select(g => (Group: g, Similarity: g.Average(member => Similarity(member, variant))))
                .Where(x => x.Similarity >= GroupThreshold)
                .OrderByDescending(x => x.Similarity)
                .FirstOrDefault();
            if (best.Group is not null)
            {
                best.Group.Add(variant);
            }
            else
            {
                groups.Add([variant]);
            }
        }

        var gaps = new List<ContentGap>();
        var nowAnswered = 0;
        foreach (var group in groups)
        {
            var gap = ToGap(group);
            if (gap is null)
            {
                nowAnswered++;
            }
            else
            {
                gaps.Add(gap);
            }
        }

        var ranked = gaps
            .OrderByDescending(g => g.Count)
            .ThenByDescending(g => g.LastAsked)
            .ThenBy(g => g.Representative, StringComparer.Ordinal)
            .Select((g, i) => g with { Number = i + 1 })
            .ToList();
        return new ContentGapReport(ranked, all.Count, nowAnswered);
    }

    private List<Variant> Variants(List<GapQuestion> questions)
    {
        var byKey = new Dictionary<string, Variant>(StringComparer.Ordinal);
        var order = 0;
        foreach (var question in questions)
        {
            var key = TextNormalizer.TrimParticles(TextNormalizer.Normalize(question.Text));
            if (key.Length == 0)
            {
                continue;
            }

            if (!byKey.TryGetValue(key, out var variant))
            {
                variant = new Variant(question.Text, order++,
                    index.Analyzer.Terms(KnowledgeIndex.TitleField, question.Text).ToHashSet(StringComparer.Ordinal),
                    TextSimilarity.Bigrams(key));
                byKey.Add(key, variant);
            }

            variant.Questions.Add(question);
        }

        return byKey.Values.ToList();
    }

    private static double Similarity(Variant a, Variant b)
    {
        var words = Dice(a.Words, b.Words);
        var grams = Dice(a.Grams, b.Grams);
        return a.Words.Count == 0 || b.Words.Count == 0 ? grams : (words + grams) / 2;
    }

    private static double Dice(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : 2.0 * a.Count(b.Contains) / (a.Count + b.Count);

    /// <summary>The group as a gap, or null when the knowledge base now answers it with an entry not rated 没帮助 here.</summary>
    private ContentGap? ToGap(List<Variant> group)
    {
        var questions = group.SelectMany(v => v.Questions).ToList();

        // A wording with a masked number (138****5678) is not a good example question; prefer one without.
        var representative = group
            .OrderBy(v => v.Text.Contains('*') ? 1 : 0)
            .ThenByDescending(v => v.Questions.Count)
            .ThenBy(v => v.FirstSeen)
            .First();
        // Closed when the knowledge base now answers directly, with an entry nobody in the group said 没帮助 to.
        var notHelpful = questions.Where(q => q.Source == GapSource.NotHelpful).ToList();
        var answer = retriever.Answer(representative.Text);
        if (answer.Kind == AnswerKind.Answer && !notHelpful.Any(q => q.EntryId == answer.EntryId))
        {
            return null;
        }

        // Entries the users said were 不相关 for these questions are not proposed again.
        var rejected = notHelpful.Where(q => q.Irrelevant && q.EntryId is not null).Select(q => q.EntryId!).ToHashSet(StringComparer.Ordinal);
        // Entries are chosen by the retriever's own ranking (Rank), so the proposal agrees with what the bot would answer;
        // the confidence reported is the mean coverage confidence of the chosen entry.
        var scores = new Dictionary<string, (KnowledgeEntry Entry, double Sum, double RankSum)>(StringComparer.Ordinal);
        foreach (var variant in group)
        {
            foreach (var candidate in retriever.Search(variant.Text).Candidates.Take(CandidatesPerQuestion))
            {
                if (rejected.Contains(candidate.Entry.Id))
                {
                    continue;
                }

                var (_, sum, rankSum) = scores.GetValueOrDefault(candidate.Entry.Id);
                scores[candidate.Entry.Id] = (candidate.Entry, sum + (candidate.Confidence * variant.Questions.Count), rankSum + (candidate.Rank * variant.Questions.Count));
            }
        }

        var best = scores.Values.OrderByDescending(s => s.RankSum).ThenBy(s => s.Entry.Id, StringComparer.Ordinal).FirstOrDefault();
        var confidence = best.Entry is null ? 0 : best.Sum / questions.Count;
        var close = best.Entry is not null && confidence >= retriever.Options.ClarifyThreshold;
        var sources = Enum.GetValues<GapSource>().ToDictionary(s => s, s => questions.Count(q => q.Source == s));
        return new ContentGap(
            0,
            representative.Text,
            questions.Count,
            group.OrderByDescending(v => v.Questions.Count).ThenBy(v => v.FirstSeen).Select(v => new GapVariant(v.Text, v.Questions.Count)).ToList(),
            sources,
            close ? best.Entry : null,
            best.Entry,
            Math.Round(confidence, 4),
            questions.Max(q => q.Timestamp))
        {
            UnsolvedEntries = notHelpful.Where(q => !q.Irrelevant && q.EntryId is not null).Select(q => q.EntryId!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
    }

    private sealed record Variant(string Text, int FirstSeen, HashSet<string> Words, HashSet<string> Grams)
    {
        public List<GapQuestion> Questions { get; } = [];
    }
}
