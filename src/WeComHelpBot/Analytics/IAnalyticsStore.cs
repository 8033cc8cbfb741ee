namespace WeComHelpBot.Analytics;

/// <summary>
/// Where analytics events are kept (one implementation per storage backend, under Storage/LiteDb and Storage/Postgres).
/// Events arrive complete and masked from <see cref="SupportAnalytics"/>, which is what the rest of the code records through.
/// </summary>
public interface IAnalyticsStore
{
    Task AppendAsync(IReadOnlyCollection<AnalyticsEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Events in [<paramref name="from"/>, <paramref name="to"/>), oldest first (in the order appended among equal times); either bound may be open.</summary>
    Task<IReadOnlyList<AnalyticsEvent>> GetEventsAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default);
}
