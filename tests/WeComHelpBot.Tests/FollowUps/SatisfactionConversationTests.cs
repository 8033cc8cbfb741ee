using WeComHelpBot.Analytics;

namespace WeComHelpBot.Tests.FollowUps;

/// <summary>The 1–5 rating at the end of a conversation, and the greeting / thanks small talk around it.</summary>
public sealed class SatisfactionConversationTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task FlowFinished_AsksForARating_AndFiveStarsIsRecorded()
    {
        await host.SayAsync("验证方式怎么选");
        await host.SayAsync("不急");
        await host.SayAsync("不需要");
        await host.SayAsync("有");
        await host.SayAsync("能");
        var end = await host.SayAsync("没有");
        Assert.Contains("推荐您用", end);
        Assert.Contains("这次服务您满意吗？回复 1–5 分", end);

        var thanks = await host.SayAsync("五星");

        Assert.Contains("谢谢您的 5 分", thanks);
        var rating = Assert.Single(await host.EventsAsync(AnalyticsEventType.RatingGiven));
        Assert.Equal(5, rating.Rating);
        Assert.Single(await host.EventsAsync(AnalyticsEventType.RatingRequested));
        Assert.Contains(await host.EventsAsync(AnalyticsEventType.ConversationEnded), e => e.Reason == "flow_completed");
    }

    [Fact]
    public async Task Goodbye_AsksForARating_ALowOneAsksWhy_AndTheReasonIsKept()
    {
        await host.SayAsync("个体户最多能加几个人");

        var bye = await host.SayAsync("好的没事了");
        Assert.Contains("祝注册顺利", bye);
        Assert.Contains("这次服务您满意吗", bye);

        Assert.Contains("哪里让您不满意", await host.SayAsync("还行吧"));
        Assert.Contains("谢谢您的意见", await host.SayAsync("回答有点长 看着累"));

        var rating = Assert.Single(await host.EventsAsync(AnalyticsEventType.RatingGiven));
        Assert.Equal(3, rating.Rating);
        Assert.Equal("回答有点长 看着累", rating.Text);
        Assert.Contains(await host.EventsAsync(AnalyticsEventType.ConversationEnded), e => e.Reason == "goodbye");
    }

    [Fact]
    public async Task RatingAnswered_IsNotAskedAgainInTheSameConversation()
    {
        await host.SayAsync("拜拜");
        await host.SayAsync("5分");

        var again = await host.SayAsync("再见");

        Assert.DoesNotContain("满意吗", again);
        Assert.Single(await host.EventsAsync(AnalyticsEventType.RatingRequested));
    }

    [Fact]
    public async Task RatingDeclined_IsNotAskedAgain()
    {
        await host.SayAsync("谢谢没问题了");
        Assert.Contains("不打扰了", await host.SayAsync("不评了"));

        Assert.DoesNotContain("满意吗", await host.SayAsync("拜拜"));
        Assert.Empty(await host.EventsAsync(AnalyticsEventType.RatingGiven));
    }

    [Fact]
    public async Task RatingOutOfRange_SaysTheScale()
    {
        await host.SayAsync("再见");

        Assert.Contains("评分是 1 到 5 分", await host.SayAsync("10分"));
        Assert.Contains("谢谢您的 4 分", await host.SayAsync("4分"));
    }

    [Fact]
    public async Task RatingIgnored_ForANewQuestion_AnswersIt()
    {
        await host.SayAsync("再见");

        var reply = await host.SayAsync("微信认证要多久");

        Assert.Contains("1–3 个工作日", reply);
        Assert.Empty(await host.EventsAsync(AnalyticsEventType.RatingGiven));
    }

    [Fact]
    public async Task Thanks_AfterAnAnswer_SaysYoureWelcomeAndAsksForARating()
    {
        await host.SayAsync("个体户最多能加几个人");

        var reply = await host.SayAsync("谢谢");

        Assert.StartsWith("不客气", reply);
        Assert.Contains("满意吗", reply);
    }

    [Fact]
    public async Task AskingIfTheBotIsAPerson_SaysItIsABotAndHowToReachOne()
    {
        var reply = await host.SayAsync("你是真人还是机器人？");

        Assert.StartsWith("我是企业微信注册助手，一个自动回答问题的机器人，不是真人", reply);
        Assert.Contains("转人工", reply);
    }

    [Fact]
    public async Task AskingInEnglish_IsAnsweredInEnglish()
    {
        var reply = await host.SayAsync("Are you a bot?");

        Assert.StartsWith("I am the WeCom registration assistant, an automated bot, not a person.", reply);
    }

    [Fact]
    public async Task Thanks_BeforeAnyHelp_IsJustYoureWelcome()
    {
        var reply = await host.SayAsync("谢谢你");

        Assert.Equal("不客气！还有问题随时问我。", reply);
    }

    [Fact]
    public async Task Greeting_ShowsTheFlowsAsAMenu_AndANumberStartsOne()
    {
        var menu = await host.SayAsync("你好 在吗");

        Assert.Contains("您好！我是企业微信注册助手", menu);
        Assert.Contains("核对注册材料", menu);
        Assert.Contains("排查注册问题", menu);
        var number = System.Text.RegularExpressions.Regex.Match(string.Join("\n", menu), @"\((\d)\) 选验证方式").Groups[1].Value;

        var flow = await host.SayAsync(number);

        Assert.Contains("您多快需要用上企业微信", flow);
    }

    [Fact]
    public async Task FirstMessage_RecordsTheConversationOnce()
    {
        await host.SayAsync("hi");
        await host.SayAsync("个体户最多能加几个人");

        Assert.Single(await host.EventsAsync(AnalyticsEventType.ConversationStarted));
    }
}
