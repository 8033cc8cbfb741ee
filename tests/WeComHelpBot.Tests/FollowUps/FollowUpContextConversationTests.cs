using Microsoft.Bot.Schema;
using WeComHelpBot.Analytics;

namespace WeComHelpBot.Tests.FollowUps;

/// <summary>What the bot just said shapes the next turn: offers that last, "还是不行" after an answer, a question at the rating prompt, light replies.</summary>
public sealed class FollowUpContextConversationTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task StillFailing_RightAfterTheLegalInfoAnswer_GoesToTheTroubleshootingFlow()
    {
        var answer = await host.SayAsync("法人信息校验失败怎么办");
        Assert.Contains("工商登记不一致", answer);

        var next = await host.SayAsync("检查了，还是不行");

        Assert.Contains("一字不差吗", next);
        Assert.DoesNotContain("遇到了什么问题", next);
        Assert.Contains(await host.EventsAsync(AnalyticsEventType.FlowStarted), e => e.FlowId == "troubleshooting");
    }

    [Fact]
    public async Task StepByStepOffer_OutlivesAnUnrelatedTurn()
    {
        await host.SayAsync("注册失败怎么办");
        await host.SayAsync("今天天气怎么样");

        var flow = await host.SayAsync("带我做");

        Assert.Contains("我们来排查一下", flow);
    }

    [Fact]
    public async Task Feedback_IsAskedOnTheFirstAnswerAndThenEveryThird()
    {
        Assert.Contains("有帮助吗", await host.SayAsync("个体户最多能加几个人"));
        Assert.DoesNotContain("有帮助吗", await host.SayAsync("微信认证要多久"));
        Assert.DoesNotContain("有帮助吗", await host.SayAsync("免认证有什么限制"));
        Assert.Contains("有帮助吗", await host.SayAsync("对公打款多久到账"));
    }

    [Fact]
    public async Task UnaskedNotHelpful_IsStillHeard()
    {
        await host.SayAsync("个体户最多能加几个人");
        await host.SayAsync("微信认证要多久");

        Assert.Contains("是哪种情况", await host.SayAsync("没帮助"));
    }

    [Fact]
    public async Task QuestionAtTheRatingPrompt_IsAnswered_NotFiledAsARating()
    {
        await host.SayAsync("个体户最多能加几个人");
        Assert.Contains("这次服务您满意吗", await host.SayAsync("好的没事了"));

        var reply = await host.SayAsync("微信认证要多久");

        Assert.Contains("1–3 个工作日", reply);
        Assert.Empty(await host.EventsAsync(AnalyticsEventType.RatingGiven));
    }

    [Fact]
    public async Task RequestAtTheRatingReasonPrompt_IsAnswered_NotKeptAsTheReason()
    {
        await host.SayAsync("个体户最多能加几个人");
        await host.SayAsync("好的没事了");
        Assert.Contains("哪里让您不满意", await host.SayAsync("2分"));

        var reply = await host.SayAsync("微信认证审核时间");

        Assert.Contains("1–3 个工作日", reply);
        var rating = Assert.Single(await host.EventsAsync(AnalyticsEventType.RatingGiven));
        Assert.Null(rating.Text);
    }

    [Fact]
    public async Task FlowChoices_InTheTerminal_AreOneShortNumberedLine()
    {
        var reply = await host.SayAsync("帮我排查一下注册问题");

        Assert.Contains("(1) 法人信息校验失败　(2) 对公打款验证超时　(3) 成员手机号重复　(4) 其他问题", reply);
    }

    [Fact]
    public async Task FlowChoices_InWebChat_AreButtonsOnly()
    {
        using var web = new ConversationTestHost("web-1", "webchat");

        await web.Flow()
            .Send("帮我排查一下注册问题")
            .AssertReply(_ => { })
            .AssertReply(a =>
            {
                var message = (IMessageActivity)a;
                Assert.DoesNotContain("(1)", message.Text);
                Assert.Equal(4, message.SuggestedActions.Actions.Count);
            })
            .StartTestAsync();
    }
}
