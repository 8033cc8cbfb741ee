using System.Text;
using WeComHelpBot.Support;

namespace WeComHelpBot.Analytics;

/// <summary>Turns recorded events into <see cref="SupportStats"/>. Pure: the same events give the same report.</summary>
public static class SupportStatsCalculator
{
    public const int TopCount = 10;

    public static SupportStats Calculate(IEnumerable<AnalyticsEvent> events, DateOnly? from = null, DateOnly? to = null)
    {
        var list = events.ToList();
        var days = list
            .GroupBy(e => ChinaTime.DateOf(e.Timestamp))
            .OrderBy(g => g.Key)
            .Select(g => Figures(g.ToList(), g.Key))
            .ToList();

        return new SupportStats(from, to, Figures(list, null), days, TopEntries(list), TopUnanswered(list), Flows(list));
    }

    /// <summary>Events of one period. A conversation spanning midnight counts on each day it was active.</summary>
    private static StatsFigures Figures(IReadOnlyList<AnalyticsEvent> events, DateOnly? date)
    {
        int Count(AnalyticsEventType type) => events.Count(e => e.Type == type);
        HashSet<string> ConversationsWith(params AnalyticsEventType[] types) =>
            events.Where(e => types.Contains(e.Type)).Select(e => e.ConversationId).ToHashSet(StringComparer.Ordinal);

        var conversations = events.Select(e => e.ConversationId).Distinct(StringComparer.Ordinal).Count();
        var answers = Count(AnalyticsEventType.KnowledgeAnswered);
        var unanswered = Count(AnalyticsEventType.QuestionUnanswered);
        var helpful = Count(AnalyticsEventType.FeedbackHelpful);
        var notHelpful = Count(AnalyticsEventType.FeedbackNotHelpful);
        var withTicket = ConversationsWith(AnalyticsEventType.TicketCreated).Count;
        var transferred = ConversationsWith(AnalyticsEventType.TicketCreated, AnalyticsEventType.HumanHandoffRequested).Count;
        var ratings = events.Where(e => e.Type == AnalyticsEventType.RatingGiven && e.Rating is not null).Select(e => e.Rating!.Value).ToList();
        var ratingsRequested = Count(AnalyticsEventType.RatingRequested);

        return new StatsFigures
        {
            Date = date,
            Conversations = conversations,
            Questions = answers + unanswered,
            Answers = answers,
            Unanswered = unanswered,
            LowConfidence = events.Count(e => e.Type == AnalyticsEventType.QuestionUnanswered && e.Reason == SupportAnalytics.LowConfidence),
            ClarifyShown = Count(AnalyticsEventType.ClarifyShown),
            KnowledgeHitRate = Rate(answers, answers + unanswered),
            Helpful = helpful,
            NotHelpful = notHelpful,
            HelpfulRate = Rate(helpful, helpful + notHelpful),
            FlowsStarted = Count(AnalyticsEventType.FlowStarted),
            FlowsCompleted = Count(AnalyticsEventType.FlowCompleted),
            TicketsCreated = Count(AnalyticsEventType.TicketCreated),
            DeflectionRate = Rate(conversations - withTicket, conversations),
            TransferToHumanRate = Rate(transferred, conversations),
            RatingsRequested = ratingsRequested,
            Ratings = ratings.Count,
            SatisfactionAverage = ratings.Count == 0 ? null : Math.Round(ratings.Average(), 2),
            RatingParticipation = Rate(Math.Min(ratings.Count, ratingsRequested), ratingsRequested),
        };
    }

    private static IReadOnlyList<EntryUsage> TopEntries(IReadOnlyList<AnalyticsEvent> events) => events
        .Where(e => e.EntryId is not null && e.Type is AnalyticsEventType.KnowledgeAnswered or AnalyticsEventType.FeedbackHelpful or AnalyticsEventType.FeedbackNotHelpful)
        .GroupBy(e => e.EntryId!, StringComparer.Ordinal)
        .Select(g => new EntryUsage(
            g.Key,
            g.Count(e => e.Type == AnalyticsEventType.KnowledgeAnswered),
            g.Count(e => e.Type == AnalyticsEventType.FeedbackHelpful),
            g.Count(e => e.Type == AnalyticsEventType.FeedbackNotHelpful)))
        .Where(u => u.Answers > 0)
        .OrderByDescending(u => u.Answers)
        .ThenBy(u => u.EntryId, StringComparer.Ordinal)
        .Take(TopCount)
        .ToList();

    private static IReadOnlyList<QuestionCount> TopUnanswered(IReadOnlyList<AnalyticsEvent> events) => events
        .Where(e => e.Type == AnalyticsEventType.QuestionUnanswered && !string.IsNullOrWhiteSpace(e.Text))
        .GroupBy(e => NormalizeQuestion(e.Text!), StringComparer.Ordinal)
        .Select(g => new QuestionCount(g.First().Text!.Trim(), g.Count()))
        .OrderByDescending(q => q.Count)
        .ThenBy(q => q.Question, StringComparer.Ordinal)
        .Take(TopCount)
        .ToList();

    private static IReadOnlyList<FlowUsage> Flows(IReadOnlyList<AnalyticsEvent> events) => events
        .Where(e => e.FlowId is not null && e.Type is AnalyticsEventType.FlowStarted or AnalyticsEventType.FlowCompleted)
        .GroupBy(e => e.FlowId!, StringComparer.Ordinal)
        .Select(g => new FlowUsage(g.Key, g.Count(e => e.Type == AnalyticsEventType.FlowStarted), g.Count(e => e.Type == AnalyticsEventType.FlowCompleted)))
        .OrderByDescending(f => f.Started)
        .ThenBy(f => f.FlowId, StringComparer.Ordinal)
        .ToList();

    /// <summary>Same question typed with other spacing, punctuation or letter case groups together.</summary>
    public static string NormalizeQuestion(string question)
    {
        var builder = new StringBuilder(question.Length);
        foreach (var c in question.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c) || c == '*')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static double? Rate(int part, int whole) => whole <= 0 ? null : Math.Round((double)part / whole, 4);
}
