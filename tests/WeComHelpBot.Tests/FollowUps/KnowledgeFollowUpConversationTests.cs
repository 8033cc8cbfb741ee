using WeComHelpBot.Analytics;

namespace WeComHelpBot.Tests.FollowUps;

/// <summary>What follows a knowledge reply: 有帮助 / 没帮助, the flow offer, and the ticket offer after two misses.</summary>
public sealed class KnowledgeFollowUpConversationTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Answer_EndsWithOneFeedbackLine_UnderTheFollowUps()
    {
        var reply = await host.SayAsync("个体户最多能加几个人");

        Assert.Contains("您可能还想了解：", reply);
        Assert.EndsWith("有帮助吗？回复“有帮助”或“没帮助”。", reply);
        var answered = Assert.Single(await host.EventsAsync(AnalyticsEventType.KnowledgeAnswered));
        Assert.Equal("limit-members-sole-proprietor", answered.EntryId);
        Assert.True(answered.Score > 0);
    }

    [Fact]
    public async Task Helpful_IsRecordedForThatEntry()
    {
        await host.SayAsync("个体户最多能加几个人");

        var reply = await host.SayAsync("有帮助");

        Assert.Equal("谢谢反馈！还有别的问题随时问我。", reply);
        var feedback = Assert.Single(await host.EventsAsync(AnalyticsEventType.FeedbackHelpful));
        Assert.Equal("limit-members-sole-proprietor", feedback.EntryId);
        Assert.Equal("个体户最多能加几个人", feedback.Text);
    }

    [Fact]
    public async Task NotHelpful_AsksWhy_ThenRecordsTheReasonAndOffersNextSuggestionsOrAPerson()
    {
        await host.SayAsync("个体户最多能加几个人");

        Assert.Contains("是哪种情况", await host.SayAsync("没用"));
        var next = await host.SayAsync("相关但没解决");

        Assert.Contains("(1) ", next);
        Assert.Contains("转人工", next);
        var feedback = Assert.Single(await host.EventsAsync(AnalyticsEventType.FeedbackNotHelpful));
        Assert.Equal(nameof(NotHelpfulReason.RelatedButUnsolved), feedback.Reason);

        // The second answer of the conversation: feedback is asked only once in a while (1st, 4th, …), not here.
        var picked = await host.SayAsync("1");
        Assert.DoesNotContain("有帮助吗", picked);
    }

    [Fact]
    public async Task NotHelpful_ThenANewQuestion_RecordsItWithoutReasonAndAnswers()
    {
        await host.SayAsync("个体户最多能加几个人");
        await host.SayAsync("没帮助");

        var reply = await host.SayAsync("微信认证要多久");

        Assert.Contains("1–3 个工作日", reply);
        var feedback = Assert.Single(await host.EventsAsync(AnalyticsEventType.FeedbackNotHelpful));
        Assert.Null(feedback.Reason);
    }

    [Fact]
    public async Task EntryWithAFlow_OffersStepByStep_AndTheWordStartsThatFlow()
    {
        var reply = await host.SayAsync("注册失败怎么办");
        Assert.Contains("想让我一步一步带您做，回复“带我做”", reply);

        var flow = await host.SayAsync("带我做");

        Assert.Contains("我们来排查一下", flow);
        Assert.Contains(await host.EventsAsync(AnalyticsEventType.FlowStarted), e => e.FlowId == "troubleshooting");
    }

    [Fact]
    public async Task TwoLowConfidenceRepliesInARow_OfferATicket_AndYesStartsHandover()
    {
        var first = await host.SayAsync("今天天气怎么样");
        Assert.DoesNotContain("开个工单", first);

        var second = await host.SayAsync("帮我订个外卖");
        Assert.Contains("要不要转人工客服，帮您开个工单？回复“是”或“不用”", second);

        var yes = await host.SayAsync("好的");
        Assert.Contains("我帮您转人工客服", yes);
        Assert.Contains("要反馈的问题：帮我订个外卖", yes);
        Assert.Equal(2, (await host.EventsAsync(AnalyticsEventType.QuestionUnanswered)).Count);
        Assert.Equal(SupportAnalytics.LowConfidence, Assert.Single(await host.EventsAsync(AnalyticsEventType.HumanHandoffRequested)).Reason);
    }

    [Fact]
    public async Task TicketOffer_DeclinedWithBuYong_SaysHowToAskAgain()
    {
        await host.SayAsync("今天天气怎么样");
        await host.SayAsync("讲个笑话");

        var reply = await host.SayAsync("不用");

        Assert.Contains("想找客服时随时说“转人工”", reply);
        Assert.Empty(await host.EventsAsync(AnalyticsEventType.HumanHandoffRequested));
    }

    [Fact]
    public async Task AnAnswerBetweenTwoMisses_ResetsTheCount()
    {
        await host.SayAsync("今天天气怎么样");
        await host.SayAsync("个体户最多能加几个人");

        var reply = await host.SayAsync("讲个笑话");

        Assert.DoesNotContain("开个工单", reply);
    }
}
