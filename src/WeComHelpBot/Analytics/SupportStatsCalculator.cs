using System.Text;
using WeComHelpBot.Support;

namespace WeComHelpBot.Analytics;

/// <summary>Turns recorded events into <see cref="SupportStats"/>. Pure: the same events give the same report.</summary>
public static class SupportStatsCalculator
{
    public const int TopCount = 10;

    /// <summary>
    /// The report of <paramref name="events"/>. <paramref name="now"/> decides which conversations are still too fresh to
    /// count as resolved by assumption (default: the newest event's time).
    /// </summary>
    public static SupportStats Calculate(IEnumerable<AnalyticsEvent> events, DateOnly? from = null, DateOnly? to = null, DateTimeOffset? now = null)
    {
        var list = events.OrderBy(e => e.Timestamp).ToList();
        var asOf = now ?? (list.Count == 0 ? DateTimeOffset.MinValue : list[^1].Timestamp);
        var readings = list
            .GroupBy(e => e.ConversationId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ConversationReading.Read(g.ToList(), asOf), StringComparer.Ordinal);
        var days = list
            .GroupBy(e => ChinaTime.DateOf(e.Timestamp))
            .OrderBy(g => g.Key)
            .Select(g => Figures(g.ToList(), readings) with { Date = g.Key })
            .ToList();
        var channels = list
            .GroupBy(e => readings[e.ConversationId].Channel, StringComparer.Ordinal)
            .Select(g => Figures(g.ToList(), readings) with { Channel = g.Key })
            .OrderByDescending(f => f.Conversations)
            .ThenBy(f => f.Channel, StringComparer.Ordinal)
            .ToList();
        var questions = list.Where(e => readings[e.ConversationId].Questions.Contains(e)).ToList();

        return new SupportStats(from, to, Figures(list, readings), days, TopEntries(list), TopTexts(questions.Where(e => e.Type == AnalyticsEventType.QuestionUnanswered)), Flows(list))
        {
            Channels = channels,
            TopQuestions = TopTexts(questions),
            TopNotHelpful = TopTexts(list.Where(e => e.Type == AnalyticsEventType.FeedbackNotHelpful)),
        };
    }

    /// <summary>Events of one period or channel. A conversation spanning midnight counts on each day it was active.</summary>
    private static StatsFigures Figures(IReadOnlyList<AnalyticsEvent> events, IReadOnlyDictionary<string, ConversationReading> readings)
    {
        int Count(AnalyticsEventType type) => events.Count(e => e.Type == type);
        HashSet<string> ConversationsWith(params AnalyticsEventType[] types) =>
            events.Where(e => types.Contains(e.Type)).Select(e => e.ConversationId).ToHashSet(StringComparer.Ordinal);

        var conversationIds = events.Select(e => e.ConversationId).Distinct(StringComparer.Ordinal).ToList();
        var outcomes = conversationIds.Select(id => readings[id].Resolution).OfType<Resolution>().ToList();
        int Outcome(Resolution resolution) => outcomes.Count(r => r == resolution);
        var questions = events.Where(e => readings[e.ConversationId].Questions.Contains(e)).ToList();
        var misread = questions.Count(e => readings[e.ConversationId].Misread.Contains(e));
        var answers = questions.Count(e => e.Type == AnalyticsEventType.KnowledgeAnswered) - misread;
        var unanswered = questions.Count(e => e.Type == AnalyticsEventType.QuestionUnanswered);
        var helpful = Count(AnalyticsEventType.FeedbackHelpful);
        var notHelpful = Count(AnalyticsEventType.FeedbackNotHelpful);
        var transferred = ConversationsWith(AnalyticsEventType.TicketCreated, AnalyticsEventType.HumanHandoffRequested).Count;
        var ratings = events.Where(e => e.Type == AnalyticsEventType.RatingGiven && e.Rating is not null).Select(e => e.Rating!.Value).ToList();
        var ratingsRequested = Count(AnalyticsEventType.RatingRequested);
        var settled = outcomes.Count - Outcome(Resolution.Pending);

        return new StatsFigures
        {
            Conversations = conversationIds.Count,
            HelpConversations = outcomes.Count,
            Questions = questions.Count,
            Answers = answers,
            MisreadAnswers = misread,
            Unanswered = unanswered,
            LowConfidence = questions.Count(e => e.Type == AnalyticsEventType.QuestionUnanswered && e.Reason == SupportAnalytics.LowConfidence),
            ClarifyShown = Count(AnalyticsEventType.ClarifyShown),
            KnowledgeHitRate = Rate(answers, questions.Count),
            Helpful = helpful,
            NotHelpful = notHelpful,
            HelpfulRate = Rate(helpful, helpful + notHelpful),
            FlowsStarted = Count(AnalyticsEventType.FlowStarted),
            FlowsCompleted = Count(AnalyticsEventType.FlowCompleted),
            TicketsCreated = Count(AnalyticsEventType.TicketCreated),
            Confirmed = Outcome(Resolution.Confirmed),
            Assumed = Outcome(Resolution.Assumed),
            NotResolved = Outcome(Resolution.NotResolved),
            Pending = Outcome(Resolution.Pending),
            ResolutionRate = Rate(Outcome(Resolution.Confirmed) + Outcome(Resolution.Assumed), settled),
            ConfirmedResolutionRate = Rate(Outcome(Resolution.Confirmed), settled),
            DeflectionRate = Rate(outcomes.Count - transferred, outcomes.Count),
            TransferToHumanRate = Rate(transferred, outcomes.Count),
            RatingsRequested = ratingsRequested,
            Ratings = ratings.Count,
            SatisfactionAverage = ratings.Count == 0 ? null : Math.Round(ratings.Average(), 2),
            SatisfactionRate = Rate(ratings.Count(r => r >= 4), ratings.Count),
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

    private static IReadOnlyList<QuestionCount> TopTexts(IEnumerable<AnalyticsEvent> events) => events
        .Where(e => !string.IsNullOrWhiteSpace(e.Text))
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
