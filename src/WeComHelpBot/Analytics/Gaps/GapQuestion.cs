namespace WeComHelpBot.Analytics.Gaps;

/// <summary>
/// One question from real traffic the knowledge base did not serve well. <see cref="EntryId"/> is the entry that answered
/// a <see cref="GapSource.NotHelpful"/> question; <see cref="Irrelevant"/> when the user said that answer was 不相关.
/// </summary>
public sealed record GapQuestion(string Text, GapSource Source, DateTimeOffset Timestamp, string? EntryId = null, bool Irrelevant = false)
{
    /// <summary>The unanswered and 没帮助 questions among recorded analytics events (texts are already masked there).</summary>
    public static IReadOnlyList<GapQuestion> FromEvents(IEnumerable<AnalyticsEvent> events)
    {
        var questions = new List<GapQuestion>();
        foreach (var e in events)
        {
            if (string.IsNullOrWhiteSpace(e.Text))
            {
                continue;
            }

            switch (e.Type)
            {
                // 没帮助 / 还是不行 typed on its own is feedback, not a question (the figures skip it the same way).
                case AnalyticsEventType.QuestionUnanswered when !FeedbackRecognizer.IsFeedbackReply(e.Text):
                    var source = e.Reason == SupportAnalytics.LowConfidence ? GapSource.LowConfidence : GapSource.Unanswered;
                    questions.Add(new GapQuestion(e.Text.Trim(), source, e.Timestamp));
                    break;
                case AnalyticsEventType.FeedbackNotHelpful:
                    questions.Add(new GapQuestion(e.Text.Trim(), GapSource.NotHelpful, e.Timestamp, e.EntryId,
                        e.Reason == nameof(NotHelpfulReason.Irrelevant)));
                    break;
            }
        }

        return questions;
    }
}
