namespace WeComHelpBot.Analytics;

/// <summary>
/// The analytics events one bot turn recorded and has not written yet (see <see cref="SupportAnalytics.BeginTurn"/>).
/// Thread-safe: a turn may record from more than one thread. Once closed it takes no more events, so an event recorded
/// by work that outlives its turn is written on its own instead of being lost.
/// </summary>
internal sealed class TurnEvents
{
    private readonly object gate = new();
    private List<AnalyticsEvent> events = [];
    private bool closed;

    /// <summary>Keeps <paramref name="analyticsEvent"/> for the end of the turn; false when the turn is already closed.</summary>
    public bool TryAdd(AnalyticsEvent analyticsEvent)
    {
        lock (gate)
        {
            if (closed)
            {
                return false;
            }

            events.Add(analyticsEvent);
            return true;
        }
    }

    /// <summary>Takes the events kept so far (to write them before a read); the turn keeps collecting.</summary>
    public IReadOnlyList<AnalyticsEvent> Drain() => Take(close: false);

    /// <summary>Takes the events kept so far and stops collecting.</summary>
    public IReadOnlyList<AnalyticsEvent> Close() => Take(close: true);

    private List<AnalyticsEvent> Take(bool close)
    {
        lock (gate)
        {
            closed |= close;
            var taken = events;
            events = [];
            return taken;
        }
    }
}
