using WeComHelpBot.Analytics;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Support;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Tests.FollowUps;

/// <summary>转人工 through the real bot: the handover flow, the create-ticket action and what the ticket carries.</summary>
public sealed class HandoverConversationTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Handover_AfterAQuestion_MakesATicketWithNumberExpectedTimeAndRecentTurns()
    {
        await host.SayAsync("对公打款好几天了还没到账咋办");
        await host.SayAsync("你好"); // the menu: the answer above is no longer what the hand-over is about
        Assert.Contains("遇到了什么问题", await host.SayAsync("转人工"));
        Assert.Contains("全称是什么", await host.SayAsync("打款验证一直过不了，页面说超时"));
        Assert.Contains("手机号", await host.SayAsync("福州闽江小吃店"));

        var done = await host.SayAsync("138 1234 5678");

        var ticket = Assert.Single(await host.Get<TicketService>().ListAsync());
        Assert.Contains($"工单号 {ticket.Number}", done);
        Assert.Contains("24 小时内", done);
        Assert.Equal("13812345678", ticket.ContactPhone);
        Assert.Equal("福州闽江小吃店", ticket.CompanyName);
        Assert.Equal("打款验证一直过不了，页面说超时", ticket.FailureDescription);
        Assert.Equal("转人工", ticket.Source);
        Assert.Contains(ticket.RecentTurns, t => t.Text.Contains("对公打款好几天了还没到账咋办"));
        Assert.Contains(ticket.RecentTurns, t => t.Text.Contains("福州闽江小吃店"));
    }

    [Fact]
    public async Task Handover_IsRecordedAsHandoffAndTicket()
    {
        await host.SayAsync("我要转人工");
        await host.SayAsync("成员导入老是失败");
        await host.SayAsync("厦门某某贸易有限公司");
        await host.SayAsync("13912345678");

        var handoff = Assert.Single(await host.EventsAsync(AnalyticsEventType.HumanHandoffRequested));
        Assert.Equal("转人工", handoff.Reason);
        Assert.Single(await host.EventsAsync(AnalyticsEventType.TicketCreated));
        Assert.Contains(await host.EventsAsync(AnalyticsEventType.FlowCompleted), e => e.FlowId == "handover");
    }

    [Fact]
    public async Task Handover_CancelledHalfway_MakesNoTicket()
    {
        await host.SayAsync("转人工");
        await host.SayAsync("认证一直通不过");

        var reply = await host.SayAsync("取消");

        Assert.Contains("已退出“转人工客服”", reply);
        Assert.Empty(await host.Get<TicketService>().ListAsync());
        Assert.Empty(await host.EventsAsync(AnalyticsEventType.TicketCreated));
    }

    [Fact]
    public async Task Handover_WrongPhone_SaysWhatIsWrongAndAsksAgain()
    {
        await host.SayAsync("找人工客服");
        await host.SayAsync("法人扫码一直失败");
        await host.SayAsync("福州某某科技有限公司");

        var shortNumber = await host.SayAsync("138123456");
        var landline = await host.SayAsync("0591-87654321");
        var done = await host.SayAsync("好的 18612345678");

        Assert.Contains("您发的号码是 9 位，手机号是 11 位", shortNumber);
        Assert.Contains("座机号", landline);
        Assert.Contains("工单号 T20261125-0001", done);
        Assert.Equal("18612345678", Assert.Single(await host.Get<TicketService>().ListAsync()).ContactPhone);
    }

    [Fact]
    public async Task Troubleshooting_Unresolved_GoesToHandoverWithTheProblemAndItsAnswers()
    {
        Assert.Contains("遇到了什么问题", await host.SayAsync("帮我排查一下注册问题"));
        Assert.Contains("哪天打的", await host.SayAsync("对公打款一直没到账"));
        Assert.Contains("银行回执吗", await host.SayAsync("上周五"));
        await host.SayAsync("有");
        Assert.Contains("联系人工客服吗", await host.SayAsync("还是不行"));

        var handover = await host.SayAsync("要");
        Assert.Contains("要反馈的问题：对公打款验证超时", handover);
        Assert.DoesNotContain("遇到了什么问题？简单说说", handover);
        await host.SayAsync("福州某某科技有限公司");
        var done = await host.SayAsync("13812345678");

        Assert.Contains("工单已提交，工单号 T20261125-0001", done);
        Assert.Contains("这次服务您满意吗", done);
        var ticket = Assert.Single(await host.Get<TicketService>().ListAsync());
        Assert.Equal("对公打款验证超时", ticket.FailureCategory);
        Assert.Equal("troubleshooting", ticket.Source);
        Assert.Equal("对公打款验证超时", ticket.Answers["troubleshooting.problem"]);
        Assert.Equal("true", ticket.Answers["troubleshooting.has_receipt"]);
        Assert.Equal("false", ticket.Answers["troubleshooting.resolved"]);
        Assert.DoesNotContain(ticket.Answers.Keys, k => k.StartsWith("handover.", StringComparison.Ordinal));
        var completed = await host.EventsAsync(AnalyticsEventType.FlowCompleted);
        Assert.Contains(completed, e => e.FlowId == "troubleshooting" && e.Resolved == false);
    }

    [Fact]
    public async Task HandoverSaidDuringAFlow_CarriesThatFlowsAnswersIntoTheTicket()
    {
        await host.SayAsync("帮我选一下验证方式");
        await host.SayAsync("很急");

        Assert.Contains("遇到了什么问题", await host.SayAsync("转人工"));
        await host.SayAsync("不知道该选哪种验证");
        await host.SayAsync("福州某某科技有限公司");
        await host.SayAsync("13812345678");

        var ticket = Assert.Single(await host.Get<TicketService>().ListAsync());
        Assert.Equal("很急，越快越好", ticket.Answers["verification-advisor.urgency"]);
        Assert.Equal("转人工", ticket.Source);
    }

    [Fact]
    public async Task HandoverRightAfterAnAnswer_IsFiledUnderThatAnswer_WithTheQuestionAsTheProblem()
    {
        await host.SayAsync("对公打款好几天了还没到账咋办");
        var answered = Assert.Single(await host.EventsAsync(AnalyticsEventType.KnowledgeAnswered));

        var handover = await host.SayAsync("转人工");
        Assert.Contains("要反馈的问题：对公打款好几天了还没到账咋办", handover);
        Assert.DoesNotContain("遇到了什么问题？简单说说", handover);
        await host.SayAsync("福州某某科技有限公司");
        await host.SayAsync("13812345678");

        var ticket = Assert.Single(await host.Get<TicketService>().ListAsync());
        Assert.Equal(host.Get<KnowledgeBase>().Find(answered.EntryId!)!.Title, ticket.FailureCategory);
        Assert.NotEqual(SupportTexts.DefaultTicketCategory, ticket.FailureCategory);
        Assert.Equal("对公打款好几天了还没到账咋办", ticket.FailureDescription);
    }

    [Fact]
    public async Task HandoverSaidDuringTroubleshooting_IsFiledAsThatFailure()
    {
        await host.SayAsync("帮我排查一下注册问题");
        Assert.Contains("哪天打的", await host.SayAsync("对公打款一直没到账"));

        Assert.Contains("要反馈的问题：对公打款验证超时", await host.SayAsync("转人工"));
        await host.SayAsync("福州某某科技有限公司");
        await host.SayAsync("13812345678");

        var ticket = Assert.Single(await host.Get<TicketService>().ListAsync());
        Assert.Equal("对公打款验证超时", ticket.FailureCategory);
        Assert.Equal("对公打款验证超时", ticket.FailureDescription);
    }

    [Fact]
    public async Task HandoverSaidInAFlowBeforeAProblemIsNamed_IsFiledUnderTheFlow()
    {
        await host.SayAsync("帮我选一下验证方式");
        await host.SayAsync("转人工");
        await host.SayAsync("不知道该选哪种验证");
        await host.SayAsync("福州某某科技有限公司");
        await host.SayAsync("13812345678");

        Assert.Equal("选验证方式", Assert.Single(await host.Get<TicketService>().ListAsync()).FailureCategory);
    }

    [Fact]
    public async Task CompanyNameSaidWithOtherWords_IsFiledAsTheNameAlone()
    {
        await host.SayAsync("转人工");
        await host.SayAsync("成员导入老是失败");
        await host.SayAsync("刚才说过了，我们公司叫厦门鹭岛科技有限公司");
        await host.SayAsync("13912345678");

        Assert.Equal("厦门鹭岛科技有限公司", Assert.Single(await host.Get<TicketService>().ListAsync()).CompanyName);
    }
}
