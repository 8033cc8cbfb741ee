using Microsoft.Bot.Builder;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Dialogs.Prompts;
using WeComHelpBot.Tests.Dialogs;

namespace WeComHelpBot.Tests.Flows;

/// <summary>How flows start, run, nest, end, and what works at every step.</summary>
public sealed class FlowRuntimeTests
{
    private const string Entity = """
        id: entity-check
        title: 主体核对
        triggers:
          - 帮我核对一下主体
        intro: 开始核对。
        steps:
          - id: entity
            kind: choice
            prompt: 什么主体？
            help: 看营业执照上的类型。
            choices:
              - value: 企业
                synonyms: [公司]
              - value: 个体工商户
                synonyms: [个体户]
            var: entity
          - id: count
            kind: number
            prompt: 多少人？
            var: count
        summary: "{{entity}}，{{count}} 人。"
        """;

    private const string Parent = """
        id: parent
        title: 父流程
        triggers:
          - 帮我走一遍父流程
        steps:
          - id: first
            kind: confirm
            prompt: 先确认一下？
            var: ok
          - id: child
            kind: call
            flow: entity-check
          - id: back
            kind: message
            text: 回到父流程了。
          - id: last
            kind: text
            prompt: 最后说一句？
            var: last
        summary: "父流程结束：{{last}}"
        """;

    private static FlowTestHost Host(FakeKnowledgeAnswerer? answerer = null, IStorage? storage = null, params string[] extra) =>
        new(FlowTestHost.FromYaml([Entity, Parent, .. extra]), storage, answerer);

    [Fact]
    public async Task AMessageLikeATrigger_StartsTheFlow()
    {
        await Host().Flow()
            .Send("帮我核对主体吧").AssertReply("开始核对。").AssertReply("什么主体？\n(1) 企业　(2) 个体工商户")
            .StartTestAsync();
    }

    [Fact]
    public async Task AFlowStartedWithNoKnownFacts_StoresNoFacts()
    {
        // Every turn loads, hashes and saves what conversation state holds: an empty facts dictionary is not kept there.
        var host = Host();
        await host.SayAsync("帮我核对主体吧");
        var key = $"{host.Adapter.Conversation.ChannelId}/conversations/{host.Adapter.Conversation.Conversation.Id}";
        var state = (await host.Storage.ReadAsync([key])).Single().Value;
        var saved = Newtonsoft.Json.Linq.JObject.FromObject(state);

        Assert.NotNull(saved[nameof(WeComHelpBot.Dialogs.DialogState)]);
        Assert.Null(saved[FlowRuntime.FactsProperty]);
    }

    [Fact]
    public async Task APlainQuestion_GoesToTheKnowledgeBase()
    {
        var answerer = new FakeKnowledgeAnswerer(("几个人", "个体工商户初始最多 50 人。"));

        await Host(answerer).Flow().Send("个体户最多能加几个人").AssertReply("个体工商户初始最多 50 人。").StartTestAsync();
    }

    [Fact]
    public async Task AFlow_RunsToItsSummary()
    {
        await Host().Flow()
            .Send("帮我核对一下主体").AssertReply("开始核对。").AssertReply(_ => { })
            .Send("个体户").AssertReply("多少人？")
            .Send("大概三十个人").AssertReply("个体工商户，30 人。")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("取消")]
    [InlineData("退出")]
    public async Task CancelOrQuit_EndsTheFlow_AndTheNextMessageIsAQuestionAgain(string command)
    {
        var answerer = new FakeKnowledgeAnswerer(("多久", "人脸识别当场完成。"));
        var host = Host(answerer);
        await host.SayAsync("帮我核对一下主体");

        Assert.Equal([FlowTexts.Cancelled("主体核对")], await host.SayAsync(command));
        Assert.Equal(["人脸识别当场完成。"], await host.SayAsync("人脸识别要多久"));
    }

    [Fact]
    public async Task Help_ExplainsTheStep_AndAsksItAgain()
    {
        await Host().Flow()
            .Send("帮我核对一下主体").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("帮助").AssertReply($"看营业执照上的类型。\n{FlowTexts.Commands}").AssertReply("什么主体？\n(1) 企业　(2) 个体工商户")
            .Send("公司").AssertReply("多少人？")
            .Send("?").AssertReply($"{FlowPromptKinds.Number.DefaultHelp}\n{FlowTexts.Commands}").AssertReply("多少人？")
            .StartTestAsync();
    }

    [Fact]
    public async Task Restart_BeginsTheFlowAgain_WithFreshVariables()
    {
        await Host().Flow()
            .Send("帮我核对一下主体").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("公司").AssertReply("多少人？")
            .Send("重新开始").AssertReply(FlowTexts.Restarting).AssertReply("开始核对。").AssertReply("什么主体？\n(1) 企业　(2) 个体工商户")
            .Send("个体户").AssertReply("多少人？")
            .Send("5").AssertReply("个体工商户，5 人。")
            .StartTestAsync();
    }

    [Fact]
    public async Task Handover_WithoutAHandoverFlow_SaysHowToReachSupport_AndEndsTheFlow()
    {
        var host = Host();
        await host.SayAsync("帮我核对一下主体");

        Assert.Equal([FlowTexts.HandoverPlaceholder], await host.SayAsync("转人工"));
        Assert.Null(await ActiveFlowAsync(host));
    }

    [Fact]
    public async Task Handover_WithAHandoverFlow_BeginsIt()
    {
        const string handover = "id: handover\ntitle: 转人工\nsteps:\n  - id: what\n    kind: text\n    prompt: 请简单说下问题，我转给客服。\n    var: issue\n";
        var host = Host(extra: handover);
        await host.SayAsync("帮我核对一下主体");

        Assert.Equal(["请简单说下问题，我转给客服。"], await host.SayAsync("人工客服"));
        Assert.Equal("handover", await ActiveFlowAsync(host));
    }

    [Fact]
    public async Task AFreeQuestionTheKnowledgeBaseAnswers_IsAnswered_ThenTheStepIsAskedAgain()
    {
        var answerer = new FakeKnowledgeAnswerer(("多久到账", "对公打款一般 1–2 个工作日。"));

        await Host(answerer).Flow()
            .Send("帮我核对一下主体").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("公司").AssertReply("多少人？")
            .Send("对公打款多久到账？").AssertReply("对公打款一般 1–2 个工作日。").AssertReply(FlowTexts.BackToStep).AssertReply("多少人？")
            .Send("20").AssertReply("企业，20 人。")
            .StartTestAsync();
    }

    [Fact]
    public async Task AFreeQuestion_DoesNotSpendAnAttempt()
    {
        const string strict = "id: strict\ntitle: 严格\ntriggers: [帮我开始严格流程]\nsteps:\n  - id: n\n    kind: number\n    prompt: 几个？\n    max-attempts: 1\n    var: n\nsummary: \"好的，{{n}} 个。\"\n";
        var answerer = new FakeKnowledgeAnswerer(("年审", "微信认证每年要重新认证。"));
        var host = new FlowTestHost(FlowTestHost.FromYaml(strict), answerer: answerer);
        await host.SayAsync("帮我开始严格流程");

        await host.SayAsync("要年审吗");

        Assert.Equal(["好的，3 个。"], await host.SayAsync("3"));
    }

    [Fact]
    public async Task AnAnswerThatDoesNotFit_AndIsNoKnownQuestion_GetsTheRetry()
    {
        var answerer = new FakeKnowledgeAnswerer();
        var host = Host(answerer);
        await host.SayAsync("帮我核对一下主体");

        Assert.Equal([$"{PromptTexts.ChoiceRetry}\n什么主体？\n(1) 企业　(2) 个体工商户"], await host.SayAsync("随便吧"));
    }

    [Fact]
    public async Task TooManyAnswersThatDoNotFit_EndTheFlowPolitely()
    {
        var host = Host();
        await host.SayAsync("帮我核对一下主体");
        await host.SayAsync("啊");
        await host.SayAsync("哦");

        Assert.Equal([PromptTexts.GaveUp], await host.SayAsync("嗯？"));
        Assert.Null(await ActiveFlowAsync(host));
    }

    [Fact]
    public async Task TooManyAnswersThatDoNotFit_TakeTheDefault_WhenTheStepNamesOne()
    {
        const string withDefault = "id: d\ntitle: 默认\ntriggers: [帮我开始默认流程]\nsteps:\n  - id: e\n    kind: choice\n    prompt: 什么主体？\n    choices: [企业, 个体工商户]\n    max-attempts: 1\n    default: 企业\n    var: e\nsummary: \"按{{e}}处理。\"\n";
        var host = new FlowTestHost(FlowTestHost.FromYaml(withDefault));
        await host.SayAsync("帮我开始默认流程");

        Assert.Equal([PromptTexts.TookDefault("企业"), "按企业处理。"], await host.SayAsync("不知道"));
    }

    [Fact]
    public async Task ACalledFlow_RunsAndThenTheCallerContinues()
    {
        await Host().Flow()
            .Send("帮我走一遍父流程").AssertReply("先确认一下？\n(1) 是　(2) 不是")
            .Send("好的").AssertReply("开始核对。").AssertReply("什么主体？\n(1) 企业　(2) 个体工商户")
            .Send("第一个").AssertReply("多少人？")
            .Send("一百二十人").AssertReply("企业，120 人。").AssertReply("回到父流程了。").AssertReply("最后说一句？")
            .Send("谢谢").AssertReply("父流程结束：谢谢")
            .StartTestAsync();
    }

    [Fact]
    public async Task CancelInsideACalledFlow_EndsTheWholeStack()
    {
        var host = Host();
        await host.SayAsync("帮我走一遍父流程");
        await host.SayAsync("是");

        Assert.Equal([FlowTexts.Cancelled("父流程")], await host.SayAsync("退出"));
        Assert.Null(await ActiveFlowAsync(host));
    }

    [Fact]
    public async Task RestartInsideACalledFlow_RestartsTheOutermostFlow()
    {
        var host = Host();
        await host.SayAsync("帮我走一遍父流程");
        await host.SayAsync("是");

        Assert.Equal([FlowTexts.Restarting, "先确认一下？\n(1) 是　(2) 不是"], await host.SayAsync("重新开始"));
    }

    [Fact]
    public async Task AFlow_ResumesAfterTheBotRestarts_WithTheSameStorage()
    {
        var storage = new MemoryStorage();
        var before = Host(storage: storage);
        await before.SayAsync("帮我核对一下主体");
        await before.SayAsync("个体户");

        var after = Host(storage: storage);

        Assert.Equal(["个体工商户，8 人。"], await after.SayAsync("8个"));
    }

    [Fact]
    public async Task StartFlowAsync_StartsAFlowById_AndRefusesAnUnknownId()
    {
        var host = Host();
        var context = new TurnContext(host.Adapter, host.Adapter.MakeActivity("菜单"));
        context.Activity.ChannelId = host.Adapter.Conversation.ChannelId;
        context.Activity.Conversation = host.Adapter.Conversation.Conversation;

        Assert.True(await host.Runtime.StartFlowAsync(context, "entity-check"));
        Assert.False(await host.Runtime.StartFlowAsync(context, "no-such-flow"));
        Assert.Contains(host.Runtime.Flows, f => f.Id == "parent");
    }

    [Fact]
    public async Task ANamedValidator_SaysWhatIsWrong_AndAsksAgain()
    {
        const string code = "id: code\ntitle: 代码\ntriggers: [帮我检查信用代码]\nsteps:\n  - id: c\n    kind: text\n    prompt: 请发统一社会信用代码。\n    validator: credit-code\nsummary: 代码格式没问题。\n";
        var host = new FlowTestHost(FlowTestHost.FromYaml(code), validators: [new FakeCreditCodeValidator()]);
        await host.SayAsync("帮我检查信用代码");

        Assert.Equal(["统一社会信用代码是 18 位，您发的是 17 位。\n请发统一社会信用代码。"], await host.SayAsync("91350100M000100Y4"));
        Assert.Equal(["代码格式没问题。"], await host.SayAsync("91350100M000100Y43"));
    }

    [Fact]
    public async Task AnOptionalStep_IsSkipped_WhenItsValidatorIsNotRegistered()
    {
        const string code = "id: code\ntitle: 代码\ntriggers: [帮我检查信用代码]\nsteps:\n  - id: c\n    kind: text\n    prompt: 请发统一社会信用代码。\n    validator: credit-code\n    optional: true\n  - id: next\n    kind: confirm\n    prompt: 下一个问题？\n";
        var host = new FlowTestHost(FlowTestHost.FromYaml(code));

        Assert.Equal(["下一个问题？\n(1) 是　(2) 不是"], await host.SayAsync("帮我检查信用代码"));
    }

    [Fact]
    public async Task ANamedAction_GetsTheVariablesAndArguments_AndItsValueIsKept()
    {
        const string ticket = "id: t\ntitle: 工单\ntriggers: [帮我开工单]\nsteps:\n  - id: what\n    kind: text\n    prompt: 什么问题？\n    var: issue\n  - id: create\n    action: create-ticket\n    with:\n      summary: \"用户说：{{issue}}\"\n    var: ticket\nsummary: \"工单号 {{ticket}}\"\n";
        var action = new FakeTicketAction();
        var host = new FlowTestHost(FlowTestHost.FromYaml(ticket), actions: [action]);
        await host.SayAsync("帮我开工单");

        Assert.Equal(["工单已创建。", "工单号 T-0001"], await host.SayAsync("打款没到账"));
        var call = Assert.Single(action.Calls);
        Assert.Equal("用户说：打款没到账", call.Arguments["summary"]);
        Assert.Equal("打款没到账", call.Variables["issue"]);
    }

    [Fact]
    public async Task APhoneAnswer_IsMaskedBeforeItIsStored()
    {
        const string phone = "id: p\ntitle: 手机\ntriggers: [帮我登记手机号]\nsteps:\n  - id: m\n    kind: phone\n    prompt: 手机号？\n    var: mobile\nsummary: \"记下了：{{mobile}}\"\n";
        var storage = new MemoryStorage();
        var host = new FlowTestHost(FlowTestHost.FromYaml(phone), storage);
        await host.SayAsync("帮我登记手机号");

        Assert.Equal(["记下了：138****5678"], await host.SayAsync("13812345678"));
    }

    [Fact]
    public async Task AnEndStep_EndsWithoutTheSummary_AndGotoFollowsConditions()
    {
        const string branches = "id: b\ntitle: 分支\ntriggers: [帮我开始分支流程]\nsteps:\n  - id: n\n    kind: number\n    prompt: 几人？\n    var: n\n    goto:\n      - when: n > 200\n        to: big\n  - id: small\n    kind: end\n    text: 人不多。\n  - id: big\n    kind: message\n    text: \"{{n}} 人，超过 200 了。\"\nsummary: 总结。\n";
        var small = new FlowTestHost(FlowTestHost.FromYaml(branches));
        await small.SayAsync("帮我开始分支流程");
        var big = new FlowTestHost(FlowTestHost.FromYaml(branches));
        await big.SayAsync("帮我开始分支流程");

        Assert.Equal(["人不多。"], await small.SayAsync("30"));
        Assert.Equal(["300 人，超过 200 了。", "总结。"], await big.SayAsync("三百"));
    }

    private static async Task<string?> ActiveFlowAsync(FlowTestHost host)
    {
        var context = new TurnContext(host.Adapter, host.Adapter.Conversation.GetContinuationActivity());
        return await host.Runtime.ActiveFlowIdAsync(context);
    }
}
