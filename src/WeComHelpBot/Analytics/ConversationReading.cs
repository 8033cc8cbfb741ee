namespace WeComHelpBot.Analytics;

/// <summary>
/// What the events of one conversation say, read as a whole: which answers were misread, which question events are
/// feedback replies, and how the conversation ended. A conversation's outcome needs all its events, also those after
/// the day being counted (a repeat the next morning still makes yesterday's answer misread).
/// </summary>
internal sealed class ConversationReading
{
    /// <summary>The same question asked again within this long means the first answer did not settle it.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromHours(24);

    private ConversationReading(string channel, Resolution? resolution, HashSet<AnalyticsEvent> misread, HashSet<AnalyticsEvent> questions)
    {
        Channel = channel;
        Resolution = resolution;
        Misread = misread;
        Questions = questions;
    }

    /// <summary>The channel the conversation started in; "" when its start was not recorded.</summary>
    public string Channel { get; }

    /// <summary>Null for a conversation that never asked for help (a greeting, a rating alone).</summary>
    public Resolution? Resolution { get; }

    /// <summary>KnowledgeAnswered events that were misread.</summary>
    public HashSet<AnalyticsEvent> Misread { get; }

    /// <summary>KnowledgeAnswered and QuestionUnanswered events that are real questions (not feedback replies).</summary>
    public HashSet<AnalyticsEvent> Questions { get; }

    /// <summary>Reads one conversation's events, oldest first; <paramref name="now"/> decides whether 24 h have passed.</summary>
    public static ConversationReading Read(IReadOnlyList<AnalyticsEvent> events, DateTimeOffset now)
    {
        var channel = events.FirstOrDefault(e => e.Type == AnalyticsEventType.ConversationStarted && e.ChannelId is not null)?.ChannelId ?? string.Empty;
        var questions = new HashSet<AnalyticsEvent>(ReferenceEqualityComparer.Instance);
        var misread = new HashSet<AnalyticsEvent>(ReferenceEqualityComparer.Instance);
        var asked = new List<(string Text, AnalyticsEvent Event)>();
        AnalyticsEvent? lastAnswer = null;

        // Signals in time order: true for a sign of success, false for a sign of failure; the last one decides.
        bool? lastSignal = null;
        var handedOver = false;
        var askedForHelp = false;
        DateTimeOffset? lastQuestionTime = null;

        foreach (var e in events)
        {
            switch (e.Type)
            {
                case AnalyticsEventType.KnowledgeAnswered:
                case AnalyticsEventType.QuestionUnanswered:
                    if (e.Type == AnalyticsEventType.QuestionUnanswered && FeedbackRecognizer.IsFeedbackReply(e.Text))
                    {
                        break;
                    }

                    questions.Add(e);
                    askedForHelp = true;
                    lastQuestionTime = e.Timestamp;
                    var text = e.Text is null ? string.Empty : SupportStatsCalculator.NormalizeQuestion(e.Text);
                    if (text.Length > 0)
                    {
                        var earlier = asked.LastOrDefault(q => q.Text == text && e.Timestamp - q.Event.Timestamp <= RepeatWindow);
                        if (earlier.Event is not null)
                        {
                            lastSignal = false;
                            if (earlier.Event.Type == AnalyticsEventType.KnowledgeAnswered)
                            {
                                misread.Add(earlier.Event);
                            }
                        }

                        asked.Add((text, e));
                    }

                    lastAnswer = e.Type == AnalyticsEventType.KnowledgeAnswered ? e : null;
                    break;
                case AnalyticsEventType.FeedbackNotHelpful:
                    lastSignal = false;
                    if (lastAnswer is not null && (e.EntryId is null || e.EntryId == lastAnswer.EntryId))
                    {
                        misread.Add(lastAnswer);
                    }

                    break;
                case AnalyticsEventType.FeedbackHelpful:
                    lastSignal = true;
                    break;
                case AnalyticsEventType.RatingGiven when e.Rating >= 4:
                    lastSignal = true;
                    break;
                case AnalyticsEventType.FlowStarted:
                    askedForHelp = true;
                    lastQuestionTime = e.Timestamp;
                    break;
                case AnalyticsEventType.FlowCompleted when e.Resolved is { } resolved:
                    lastSignal = resolved;
                    break;
                case AnalyticsEventType.HumanHandoffRequested:
                case AnalyticsEventType.TicketCreated:
                    handedOver = true;
                    askedForHelp = true;
                    break;
            }
        }

        Resolution? resolution = (askedForHelp, handedOver, lastSignal) switch
        {
            (false, _, _) => null,
            (_, true, _) => Analytics.Resolution.NotResolved,
            (_, _, true) => Analytics.Resolution.Confirmed,
            (_, _, false) => Analytics.Resolution.NotResolved,
            _ when lastQuestionTime is { } last && now - last < RepeatWindow => Analytics.Resolution.Pending,
            _ => Analytics.Resolution.Assumed,
        };
        return new ConversationReading(channel, resolution, misread, questions);
    }
}
