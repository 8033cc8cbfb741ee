using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Knowledge;

public sealed class StaleEntriesTests
{
    [Fact]
    public void EntriesReviewedBeforeTheCutoff_AreListedOldestFirst()
    {
        var knowledge = KnowledgeLoader.LoadOrThrow(TestPaths.ValidKnowledge);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);

        Assert.Equal(["bank-transfer-timeout"], StaleEntries.Find(knowledge, 180, time).Select(e => e.Id));
        Assert.Equal(4, StaleEntries.Find(knowledge, 10, time).Count);
        Assert.Empty(StaleEntries.Find(knowledge, 365, time));
    }
}
