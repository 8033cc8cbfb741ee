using WeComHelpBot.Analytics;
using WeComHelpBot.Tests.Support;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Tests.Analytics;

public sealed class SupportAnalyticsTests : IDisposable
{
    private readonly SupportTestHost host = new();

    public void Dispose() => host.Dispose();

    private SupportAnalytics Analytics => host.Get<SupportAnalytics>();

    [Fact]
    public async Task Stats_CountRealRecordedConversations()
    {
        await RecordTwoDaysOfTrafficAsync();

        var stats = SupportStatsCalculator.Calculate(await Analytics.GetEventsAsync());
        var total = stats.Total;

        Assert.Equal(3, total.Conversations);
        Assert.Equal(4, total.Questions);
        Assert.Equal(2, total.Answers); // c2's answer got 没帮助: misread, not answered
        Assert.Equal(1, total.MisreadAnswers);
        Assert.Equal(1, total.Unanswered);
        Assert.Equal(1, total.LowConfidence);
        Assert.Equal(0.5, total.KnowledgeHitRate);
        Assert.Equal(1, total.Helpful);
        Assert.Equal(1, total.NotHelpful);
        Assert.Equal(0.5, total.HelpfulRate);
        Assert.Equal(1, total.TicketsCreated);
        Assert.Equal(0.3333, total.DeflectionRate); // only c1 was never handed to a person
        Assert.Equal(0.6667, total.TransferToHumanRate); // c2 asked for a person, c3 got a ticket
        Assert.Equal(1, total.FlowsStarted);
        Assert.Equal(1, total.FlowsCompleted);
        Assert.Equal(3, total.RatingsRequested);
        Assert.Equal(2, total.Ratings);
        Assert.Equal(3.5, total.SatisfactionAverage);
        Assert.Equal(0.6667, total.RatingParticipation);
    }

    [Fact]
    public async Task Stats_SplitPerChinaDay()
    {
        await RecordTwoDaysOfTrafficAsync();

        var stats = SupportStatsCalculator.Calculate(await Analytics.GetEventsAsync());

        Assert.Equal([new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 26)], stats.Days.Select(d => d.Date!.Value));
        Assert.Equal(2, stats.Days[0].Conversations);
        Assert.Equal(2, stats.Days[0].Ratings);
        Assert.Equal(1, stats.Days[1].Conversations);
        Assert.Equal(1, stats.Days[1].TicketsCreated);
        Assert.Equal(0.0, stats.Days[1].DeflectionRate);
        Assert.Null(stats.Days[1].HelpfulRate);
    }

    [Fact]
    public async Task Stats_ListTopEntriesFlowsAndUnansweredQuestions()
    {
        await RecordTwoDaysOfTrafficAsync();

        var stats = SupportStatsCalculator.Calculate(await Analytics.GetEventsAsync());

        Assert.Equal(new EntryUsage("verify.face", 2, 1, 0), stats.TopEntries[0]);
        Assert.Equal(new EntryUsage("verify.bank", 1, 0, 1), stats.TopEntries[1]);
        Assert.Equal(new FlowUsage("register", 1, 1), Assert.Single(stats.Flows));
        Assert.Equal("能开发票吗", Assert.Single(stats.TopUnanswered).Question);
    }

    [Fact]
    public async Task UnansweredQuestions_DifferingOnlyInPunctuation_AreCountedTogether()
    {
        await Analytics.RecordQuestionUnansweredAsync("a", "能开发票吗？", 0.2, lowConfidence: true);
        await Analytics.RecordQuestionUnansweredAsync("b", "能开 发票吗", null, lowConfidence: false);
        await Analytics.RecordQuestionUnansweredAsync("c", "企业微信收费吗", null, lowConfidence: false);

        var stats = SupportStatsCalculator.Calculate(await Analytics.GetEventsAsync());

        Assert.Equal(2, stats.TopUnanswered[0].Count);
        Assert.Equal("能开发票吗？", stats.TopUnanswered[0].Question);
    }

    [Fact]
    public async Task QuestionsAndComments_AreStoredMasked()
    {
        await Analytics.RecordQuestionUnansweredAsync("a", "我手机13812345678注册不了", null, lowConfidence: false);
        await Analytics.RecordRatingAsync("a", 2, "回拨 13812345678");
        await Analytics.RecordFeedbackAsync("a", "verify.bank", "账号6222020200001234567没收到打款", helpful: false, NotHelpfulReason.RelatedButUnsolved);

        var texts = (await Analytics.GetEventsAsync()).Select(e => e.Text).ToList();

        Assert.Equal(["我手机138****5678注册不了", "回拨 138****5678", "账号6222***********4567没收到打款"], texts);
        Assert.Equal(nameof(NotHelpfulReason.RelatedButUnsolved), (await Analytics.GetEventsAsync())[2].Reason);
    }

    [Fact]
    public async Task GetEvents_FiltersByTime_FromInclusiveToExclusive()
    {
        await RecordTwoDaysOfTrafficAsync();
        var dayTwo = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.FromHours(8));

        var firstDay = await Analytics.GetEventsAsync(to: dayTwo);
        var secondDay = await Analytics.GetEventsAsync(from: dayTwo);

        Assert.All(firstDay, e => Assert.True(e.Timestamp < dayTwo));
        Assert.All(secondDay, e => Assert.True(e.Timestamp >= dayTwo));
        Assert.Equal((await Analytics.GetEventsAsync()).Count, firstDay.Count + secondDay.Count);
        Assert.Equal(["c3"], secondDay.Select(e => e.ConversationId).Distinct());
    }

    [Fact]
    public async Task Rating_OutsideOneToFive_IsRejected()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Analytics.RecordRatingAsync("a", 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Analytics.RecordRatingAsync("a", 6));
        Assert.Empty(await Analytics.GetEventsAsync());
    }

    [Fact]
    public void Stats_OfNoEvents_HaveNoRatesRatherThanZero()
    {
        var stats = SupportStatsCalculator.Calculate([]);

        Assert.Equal(0, stats.Total.Conversations);
        Assert.Null(stats.Total.DeflectionRate);
        Assert.Null(stats.Total.KnowledgeHitRate);
        Assert.Null(stats.Total.SatisfactionAverage);
        Assert.Empty(stats.Days);
    }

    /// <summary>
    /// c1 (day 1): two answers, helpful, a flow, rated 5. c2 (day 1): an answer marked not helpful, an unanswered question,
    /// asks for a person, rated 2. c3 (day 2): one answer, a ticket, asked to rate but does not.
    /// </summary>
    private async Task RecordTwoDaysOfTrafficAsync()
    {
        await Analytics.RecordConversationStartedAsync("c1");
        await Analytics.RecordKnowledgeAnsweredAsync("c1", "verify.face", 0.82);
        await Analytics.RecordFeedbackAsync("c1", "verify.face", "人脸识别咋弄", helpful: true);
        await Analytics.RecordFlowStartedAsync("c1", "register");
        await Analytics.RecordFlowCompletedAsync("c1", "register");
        await Analytics.RecordRatingRequestedAsync("c1");
        await Analytics.RecordRatingAsync("c1", 5);
        await Analytics.RecordConversationEndedAsync("c1", "flow_completed");

        host.Time.Advance(TimeSpan.FromHours(1));
        await Analytics.RecordConversationStartedAsync("c2");
        await Analytics.RecordKnowledgeAnsweredAsync("c2", "verify.bank", 0.6);
        await Analytics.RecordFeedbackAsync("c2", "verify.bank", "打款一直不到", helpful: false, NotHelpfulReason.RelatedButUnsolved);
        await Analytics.RecordQuestionUnansweredAsync("c2", "能开发票吗", 0.31, lowConfidence: true);
        await Analytics.RecordHumanHandoffRequestedAsync("c2", "转人工");
        await Analytics.RecordRatingRequestedAsync("c2");
        await Analytics.RecordRatingAsync("c2", 2, "没解决");

        host.Time.Advance(TimeSpan.FromHours(14)); // 2026-11-26 01:00 China time
        await Analytics.RecordConversationStartedAsync("c3");
        await Analytics.RecordKnowledgeAnsweredAsync("c3", "verify.face", 0.9);
        await host.Get<TicketService>().CreateAsync(new TicketRequest("c3", "13812345678", "某某商行", "对公打款验证超时", "三天没到账"));
        await Analytics.RecordRatingRequestedAsync("c3");
    }
}
