using WeComHelpBot.Privacy;
using WeComHelpBot.Telemetry;

namespace WeComHelpBot.Analytics;

/// <summary>
/// Records what happens in conversations, for <c>wecomhelp stats</c> and knowledge-base work. Handlers and flows call
/// the Record* methods; question texts are masked before they are stored.
/// Inside a bot turn (<see cref="BeginTurn"/>, called by <see cref="MaskingTranscriptMiddleware"/>) the events are
/// kept in memory and written at the end of the turn in the same write as the turn's transcript lines, so a turn
/// costs no commit of its own for them. A read in the same turn writes them first; outside a
/// turn (CLI, tests, background work) every event is written at once.
/// </summary>
public sealed class SupportAnalytics
{
    /// <summary>Reason recorded with a question that scored below the answer threshold.</summary>
    public const string LowConfidence = "low_confidence";

    /// <summary>Reason recorded with a question that matched nothing (out of scope).</summary>
    public const string NoMatch = "no_match";

    private readonly IAnalyticsStore store;
    private readonly PersonalDataMasker masker;
    private readonly TimeProvider time;
    private readonly BotMetrics metrics;

    // The events of the turn running in this async flow, when one was begun; per instance, so two bots never mix.
    private readonly AsyncLocal<TurnEvents?> currentTurn = new();

    public SupportAnalytics(IAnalyticsStore store, PersonalDataMasker masker, TimeProvider time, BotMetrics metrics)
    {
        this.store = store;
        this.masker = masker;
        this.time = time;
        this.metrics = metrics;
    }

    public Task RecordConversationStartedAsync(string conversationId, CancellationToken cancellationToken = default) =>
        RecordConversationStartedAsync(conversationId, null, cancellationToken);

    /// <summary>The first message of a conversation, in <paramref name="channelId"/> (the figures per channel count by it).</summary>
    public Task RecordConversationStartedAsync(string conversationId, string? channelId, CancellationToken cancellationToken = default) =>
        RecordAsync(AnalyticsEventType.ConversationStarted, conversationId, cancellationToken, e => e with { ChannelId = channelId });

    public Task RecordKnowledgeAnsweredAsync(string conversationId, string entryId, double score, CancellationToken cancellationToken = default) =>
        RecordKnowledgeAnsweredAsync(conversationId, entryId, score, null, cancellationToken);

    /// <summary>
    /// An answer from <paramref name="entryId"/>; <paramref name="question"/> (masked here) lets the figures see the same
    /// question asked again, which means the answer was misread.
    /// </summary>
    public Task RecordKnowledgeAnsweredAsync(string conversationId, string entryId, double score, string? question, CancellationToken cancellationToken = default) =>
        RecordAsync(AnalyticsEventType.KnowledgeAnswered, conversationId, cancellationToken, e => e with { EntryId = entryId, Score = score, Text = masker.Mask(question) });

    /// <summary>A question the bot did not answer: <paramref name="lowConfidence"/> when something matched below the threshold.</summary>
    public Task RecordQuestionUnansweredAsync(string conversationId, string question, double? bestScore, bool lowConfidence, CancellationToken cancellationToken = default) =>
        RecordAsync(AnalyticsEventType.QuestionUnanswered, conversationId, cancellationToken, e => e with
        {
            Text = masker.Mask(question),
            Score = bestScore,
            Reason = lowConfidence ? LowConfidence : NoMatch,
        });

    /// <summary>The bot asked which of several entries the user meant.</summary>
    public Task RecordClarifyShownAsync(string conversationId, string question, IReadOnlyList<string> entryIds, CancellationToken cancellationToken = default) =>
        RecordAsync(AnalyticsEventType.ClarifyShown, conversationId, cancellationToken, e => e with
        {
            Text = masker.Mask(question),
            EntryId = string.Join(",", entryIds),
        });

    /// <summary>有帮助 / 没帮助 on the answer from <paramref name="entryId"/> to <paramref name="question"/>.</summary>
    public Task RecordFeedbackAsync(string conversationId, string? entryId, string? question, bool helpful, NotHelpfulReason? reason = null, CancellationToken cancellationToken = default) =>
        RecordAsync(helpful ? AnalyticsEventType.FeedbackHelpful : AnalyticsEventType.FeedbackNotHelpful, conversationId, cancellationToken, e => e with
        {
            EntryId = entryId,
            Text = masker.Mask(question),
            Reason = helpful ? null : reason?.ToString(),
        });

    public Task RecordFlowStartedAsync(string conversationId, string flowId, CancellationToken cancellationToken = default) =>
        RecordAsync(AnalyticsEventType.FlowStarted, conversationId, cancellationToken, e => e with { FlowId = flowId });

    /// <summary>A flow reached its end; <paramref name="resolved"/> false for a troubleshooting flow that ended unresolved.</summary>
    public Task RecordFlowCompletedAsync(string conversationId, string flowId, bool? resolved = null, CancellationToken cancellationToken = default) =>
        RecordAsync(AnalyticsEventType.FlowCompleted, conversationId, cancellationToken, e => e with { FlowId = flowId, Resolved = resolved });

    /// <summary>The user asked for a person (转人工) or was offered one; <paramref name="source"/> says where from (e.g. "转人工", "low_confidence", a flow id).</summary>
    public Task RecordHumanHandoffRequestedAsync(string conversationId, string source, CancellationToken cancellationToken = default) =>
        RecordAsync(AnalyticsEventType.HumanHandoffRequested, conversationId, cancellationToken, e => e with { Reason = source });

    /// <summary>Called by <see cref="Tickets.TicketService"/>; other code does not need to.</summary>
    public Task RecordTicketCreatedAsync(string conversationId, string ticketNumber, CancellationToken cancellationToken = default) =>
        RecordAsync(AnalyticsEventType.TicketCreated, conversationId, cancellationToken, e => e with { TicketNumber = ticketNumber });

    /// <summary>The bot asked for a 1–5 rating (the base of the participation rate).</summary>
    public Task RecordRatingRequestedAsync(string conversationId, CancellationToken cancellationToken = default) =>
        RecordAsync(AnalyticsEventType.RatingRequested, conversationId, cancellationToken);

    public Task RecordRatingAsync(string conversationId, int rating, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rating, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, 5);
        return RecordAsync(AnalyticsEventType.RatingGiven, conversationId, cancellationToken, e => e with { Rating = rating, Text = masker.Mask(reason) });
    }

    /// <summary>The conversation ended (goodbye, flow finished, ticket made); <paramref name="reason"/> is a short code.</summary>
    public Task RecordConversationEndedAsync(string conversationId, string? reason = null, CancellationToken cancellationToken = default) =>
        RecordAsync(AnalyticsEventType.ConversationEnded, conversationId, cancellationToken, e => e with { Reason = reason });

    /// <summary>Events in [<paramref name="from"/>, <paramref name="to"/>), oldest first; either bound may be open.</summary>
    public async Task<IReadOnlyList<AnalyticsEvent>> GetEventsAsync(DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (currentTurn.Value is { } turn && turn.Drain() is { Count: > 0 } recorded)
        {
            await store.AppendAsync(recorded, cancellationToken);
        }

        return await store.GetEventsAsync(from, to, cancellationToken);
    }

    private Task RecordAsync(AnalyticsEventType type, string conversationId, CancellationToken cancellationToken, Func<AnalyticsEvent, AnalyticsEvent>? fill = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        cancellationToken.ThrowIfCancellationRequested();
        var analyticsEvent = new AnalyticsEvent(type, conversationId, time.GetUtcNow());
        if (fill is not null)
        {
            analyticsEvent = fill(analyticsEvent);
        }

        metrics.Record(analyticsEvent);
        return currentTurn.Value?.TryAdd(analyticsEvent) == true
            ? Task.CompletedTask
            : store.AppendAsync([analyticsEvent], cancellationToken);
    }

    /// <summary>
    /// Starts keeping the events recorded in this async flow (the rest of one bot turn) for <see cref="EndTurn"/>.
    /// Must be called from the method that awaits the turn, so that the turn's code sees it and its caller does not.
    /// </summary>
    internal TurnEvents BeginTurn()
    {
        var turn = new TurnEvents();
        currentTurn.Value = turn;
        return turn;
    }

    /// <summary>
    /// Ends <paramref name="turn"/> (events recorded after this are written at once) and returns the events it kept,
    /// for the caller to write with the turn's transcript lines (<see cref="ITurnRecordStore"/>).
    /// </summary>
    internal IReadOnlyList<AnalyticsEvent> EndTurn(TurnEvents turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (currentTurn.Value == turn)
        {
            currentTurn.Value = null;
        }

        return turn.Close();
    }
}
