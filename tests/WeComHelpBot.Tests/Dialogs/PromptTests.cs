using Microsoft.Bot.Schema;
using WeComHelpBot.Dialogs;
using WeComHelpBot.Dialogs.Choices;
using WeComHelpBot.Dialogs.Prompts;

namespace WeComHelpBot.Tests.Dialogs;

/// <summary>Behaviour every prompt shares: begin, retry, validation, attempt limit, reprompt.</summary>
public sealed class PromptTests
{
    private static DialogTestHarness NumberHarness(PromptOptions options, PromptValidator<decimal>? validator = null)
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new NumberPrompt("number", validator));
        harness.Dialogs.Add(new WaterfallDialog("root", [
            (step, ct) => step.PromptAsync("number", options, ct),
            (step, ct) => step.EndDialogAsync(step.Result, ct),
        ]));
        return harness;
    }

    [Fact]
    public async Task Begin_WithoutPromptOptions_Throws()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new TextPrompt("text"));
        harness.Dialogs.Add(new WaterfallDialog("root", [(step, ct) => step.BeginDialogAsync("text", null, ct)]));

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Flow().Send("hi").StartTestAsync());
    }

    [Fact]
    public async Task Begin_SendsThePromptExpectingInput_AndWaits()
    {
        var harness = NumberHarness(new PromptOptions { Prompt = "多少人？" });

        await harness.Flow()
            .Send("hi")
            .AssertReply(a =>
            {
                Assert.Equal("多少人？", ((IMessageActivity)a).Text);
                Assert.Equal(InputHints.ExpectingInput, ((IMessageActivity)a).InputHint);
            })
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Waiting, harness.Results.Single().Status);
    }

    [Fact]
    public async Task UnrecognizedAnswer_SendsTheRetryPrompt()
    {
        var harness = NumberHarness(new PromptOptions { Prompt = "多少人？", RetryPrompt = "请告诉我一个人数。" });

        await harness.Flow().Send("hi").AssertReply("多少人？").Send("很多").AssertReply("请告诉我一个人数。").StartTestAsync();
    }

    [Fact]
    public async Task UnrecognizedAnswer_WithoutARetryPrompt_SaysWhatWasExpected_AndAsksAgain()
    {
        var harness = NumberHarness(new PromptOptions { Prompt = "多少人？" });

        await harness.Flow().Send("hi").AssertReply("多少人？").Send("很多").AssertReply($"{PromptTexts.NumberRetry}\n多少人？").StartTestAsync();
    }

    [Fact]
    public async Task Validator_AloneDecides_AndCanRejectARecognizedValue()
    {
        var harness = NumberHarness(
            new PromptOptions { Prompt = "多少人？", RetryPrompt = "人数要大于 0。" },
            (context, ct) => Task.FromResult(context.Recognized.Succeeded && context.Recognized.Value > 0));

        await harness.Flow()
            .Send("hi").AssertReply("多少人？")
            .Send("0").AssertReply("人数要大于 0。")
            .Send("十二个").AssertReply("完成：12")
            .StartTestAsync();
    }

    [Fact]
    public async Task Validator_ThatSendsItsOwnMessage_SuppressesTheRetryPrompt()
    {
        var harness = NumberHarness(
            new PromptOptions { Prompt = "多少人？", RetryPrompt = "不该出现" },
            async (context, ct) =>
            {
                if (context.Recognized.Value > 10000)
                {
                    await context.Context.SendActivityAsync("人数太多了，超过一万？", cancellationToken: ct);
                    return false;
                }

                return context.Recognized.Succeeded;
            });

        await harness.Flow().Send("hi").AssertReply("多少人？").Send("二十万").AssertReply("人数太多了，超过一万？").AssertNoReply().StartTestAsync();
    }

    [Fact]
    public async Task AttemptCount_IsOneOnTheFirstReply_AndCountsUp()
    {
        var seen = new List<int>();
        var harness = NumberHarness(
            new PromptOptions { Prompt = "多少人？", MaxAttempts = 0 },
            (context, ct) =>
            {
                seen.Add(context.AttemptCount);
                return Task.FromResult(context.Recognized.Succeeded);
            });

        await harness.Flow().Send("hi").AssertReply("多少人？").Send("a").AssertReply(_ => { }).Send("b").AssertReply(_ => { }).Send("3").AssertReply("完成：3").StartTestAsync();

        Assert.Equal([1, 2, 3], seen);
    }

    [Fact]
    public async Task AfterTheAttemptLimit_TheFlowEndsPolitely()
    {
        var harness = NumberHarness(new PromptOptions { Prompt = "多少人？", RetryPrompt = "再说一次？", MaxAttempts = 2 });

        await harness.Flow()
            .Send("hi").AssertReply("多少人？")
            .Send("不知道").AssertReply("再说一次？")
            .Send("真不知道").AssertReply(PromptTexts.GaveUp)
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Cancelled, harness.Results[^1].Status);
    }

    [Fact]
    public async Task AfterTheAttemptLimit_TheDefaultIsTaken_WhenTheOptionsNameOne()
    {
        var harness = NumberHarness(new PromptOptions { Prompt = "多少人？", MaxAttempts = 1, DefaultValue = "50" });

        await harness.Flow()
            .Send("hi").AssertReply("多少人？")
            .Send("不知道").AssertReply(PromptTexts.TookDefault("50")).AssertReply("完成：50")
            .StartTestAsync();
    }

    [Fact]
    public async Task Reprompt_SendsTheOriginalPrompt_NotTheRetryPrompt()
    {
        var harness = NumberHarness(new PromptOptions { Prompt = "多少人？", RetryPrompt = "再说一次？" });
        await harness.Flow().Send("hi").AssertReply("多少人？").Send("嗯？").AssertReply("再说一次？").StartTestAsync();
        var context = new Microsoft.Bot.Builder.TurnContext(harness.Adapter, harness.Adapter.Conversation.GetContinuationActivity());
        var sent = new List<string>();
        context.OnSendActivities(async (ctx, activities, next) =>
        {
            sent.AddRange(activities.Select(a => a.Text));
            return await next();
        });
        var dc = await harness.Dialogs.CreateContextAsync(context);

        await dc.RepromptDialogAsync();

        Assert.Equal(["多少人？"], sent);
    }

    [Fact]
    public async Task ChoicePrompt_OnAChannelWithoutButtons_NumbersTheChoicesInline()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new ChoicePrompt("choice"));
        harness.Dialogs.Add(new WaterfallDialog("root", [
            (step, ct) => step.PromptAsync("choice", new PromptOptions { Prompt = "选一种：", Choices = [new("微信认证"), new("人脸识别"), new("对公打款")] }, ct),
        ]));

        await harness.Flow().Send("hi").AssertReply("选一种：\n(1) 微信认证　(2) 人脸识别　(3) 对公打款").StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_OnWebChat_AddsButtons()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new ChoicePrompt("choice"));
        harness.Dialogs.Add(new WaterfallDialog("root", [
            (step, ct) => step.PromptAsync("choice", new PromptOptions { Prompt = "选一种：", Choices = [new("是"), new("否")] }, ct),
        ]));
        var activity = (Activity)harness.Adapter.MakeActivity("hi");
        activity.ChannelId = "webchat";

        await harness.Flow()
            .Send(activity)
            .AssertReply(a => Assert.Equal(["是", "否"], ((IMessageActivity)a).SuggestedActions.Actions.Select(x => x.Value?.ToString())))
            .StartTestAsync();
    }

    [Fact]
    public async Task ConfirmPrompt_ShowsItsOwnLabels_NumberedOneForYes()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new ConfirmPrompt("confirm"));
        harness.Dialogs.Add(new WaterfallDialog("root", [
            (step, ct) => step.PromptAsync("confirm", new PromptOptions { Prompt = "营业执照有了吗？", Choices = [new Choice("有"), new Choice("还没有")] }, ct),
            (step, ct) => step.EndDialogAsync(step.Result, ct),
        ]));

        await harness.Flow().Send("hi").AssertReply("营业执照有了吗？\n(1) 有　(2) 还没有").Send("2").AssertReply("完成：False").StartTestAsync();
    }

    [Fact]
    public async Task Resume_SendsTheOriginalPrompt_NotTheRetryPrompt()
    {
        var harness = NumberHarness(new PromptOptions { Prompt = "多少人？", RetryPrompt = "再说一次？" });
        await harness.Flow().Send("hi").AssertReply("多少人？").Send("嗯？").AssertReply("再说一次？").StartTestAsync();
        var context = new Microsoft.Bot.Builder.TurnContext(harness.Adapter, harness.Adapter.Conversation.GetContinuationActivity());
        var sent = new List<string>();
        context.OnSendActivities(async (ctx, activities, next) =>
        {
            sent.AddRange(activities.Select(a => a.Text));
            return await next();
        });
        var dc = await harness.Dialogs.CreateContextAsync(context);

        var result = await harness.Dialogs.Find("number")!.ResumeDialogAsync(dc, DialogReason.EndCalled, null);

        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        Assert.Equal(["多少人？"], sent);
    }

    [Fact]
    public void ManyOrLongChoices_AreRenderedOnOneShortLine()
    {
        var text = ChoiceFactory.RenderText("遇到了什么问题？", [new("法人信息校验失败"), new("对公打款验证超时"), new("成员手机号重复"), new("其他问题")]);

        Assert.Equal("遇到了什么问题？\n(1) 法人信息校验失败　(2) 对公打款验证超时　(3) 成员手机号重复　(4) 其他问题", text);
    }
}
