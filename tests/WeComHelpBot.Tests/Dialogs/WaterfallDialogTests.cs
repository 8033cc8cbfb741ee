using WeComHelpBot.Dialogs;
using WeComHelpBot.Dialogs.Prompts;

namespace WeComHelpBot.Tests.Dialogs;

public sealed class WaterfallDialogTests
{
    private static async Task<DialogTurnResult> SayAsync(WaterfallStepContext step, string text, CancellationToken ct)
    {
        await step.Context.SendActivityAsync(text, cancellationToken: ct);
        return Dialog.EndOfTurn;
    }

    [Fact]
    public async Task Begin_RunsTheFirstStepInTheSameTurn_WithReasonBeginCalled()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new WaterfallDialog("root", [(step, ct) => SayAsync(step, $"step{step.Index}:{step.Reason}", ct)]));

        await harness.Flow().Send("hi").AssertReply("step0:BeginCalled").StartTestAsync();
    }

    [Fact]
    public async Task Values_PersistAcrossStepsAndTurns()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new WaterfallDialog("root", [
            (step, ct) => { step.Values["city"] = "深圳"; return SayAsync(step, "记下了", ct); },
            (step, ct) => SayAsync(step, $"城市={step.Values["city"]}", ct),
        ]));

        await harness.Flow().Send("hi").AssertReply("记下了").Send("然后呢").AssertReply("城市=深圳").StartTestAsync();
    }

    [Fact]
    public async Task StepResult_IsTheUsersText_WhenThePreviousStepEndedTheTurnWithoutAChild()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new WaterfallDialog("root", [
            (step, ct) => SayAsync(step, "说点什么", ct),
            (step, ct) => SayAsync(step, $"{step.Reason}:{step.Result}", ct),
        ]));

        await harness.Flow().Send("hi").AssertReply("说点什么").Send("随便说说").AssertReply("ContinueCalled:随便说说").StartTestAsync();
    }

    [Fact]
    public async Task StepResult_IsTheValueGivenToNext_InTheSameTurn()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new WaterfallDialog("root", [
            (step, ct) => step.NextAsync("跳过", ct),
            (step, ct) => SayAsync(step, $"{step.Reason}:{step.Result}", ct),
        ]));

        await harness.Flow().Send("hi").AssertReply("NextCalled:跳过").StartTestAsync();
    }

    [Fact]
    public async Task StepResult_IsThePromptsValue_WhenThePromptEnded()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new NumberPrompt("number"));
        harness.Dialogs.Add(new WaterfallDialog("root", [
            (step, ct) => step.PromptAsync("number", new PromptOptions { Prompt = "多少人？" }, ct),
            (step, ct) => SayAsync(step, $"{step.Reason}:{step.Result}", ct),
        ]));

        await harness.Flow().Send("hi").AssertReply("多少人？").Send("大概三百人").AssertReply("EndCalled:300").StartTestAsync();
    }

    [Fact]
    public async Task NextAsync_CalledTwiceInOneStep_Throws()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new WaterfallDialog("root", [
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                return await step.NextAsync(null, ct);
            },
            (step, ct) => SayAsync(step, "第二步", ct),
        ]));

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Flow().Send("hi").StartTestAsync());
    }

    [Fact]
    public async Task RunningPastTheLastStep_EndsWithTheLastResult()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new WaterfallDialog("root", [(step, ct) => step.NextAsync("最后的结果", ct)]));

        await harness.Flow().Send("hi").AssertReply("完成：最后的结果").StartTestAsync();
    }

    [Fact]
    public async Task Options_AreAvailableToEveryStep()
    {
        var harness = new DialogTestHarness(rootId: "outer");
        harness.Dialogs.Add(new WaterfallDialog("inner", [(step, ct) => step.EndDialogAsync(step.Options["entity"], ct)]));
        harness.Dialogs.Add(new WaterfallDialog("outer", [
            (step, ct) => step.BeginDialogAsync("inner", new DialogOptions { Values = new Dictionary<string, string> { ["entity"] = "个体工商户" } }, ct),
            (step, ct) => step.EndDialogAsync(step.Result, ct),
        ]));

        await harness.Flow().Send("hi").AssertReply("完成：个体工商户").StartTestAsync();
    }

    [Fact]
    public async Task Reprompt_OnAWaterfall_SendsNothing()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new WaterfallDialog("root", [(step, ct) => SayAsync(step, "等您回复", ct)]));
        await harness.Flow().Send("hi").AssertReply("等您回复").StartTestAsync();
        var context = new Microsoft.Bot.Builder.TurnContext(harness.Adapter, harness.Adapter.Conversation.GetContinuationActivity());
        var dc = await harness.Dialogs.CreateContextAsync(context);

        await dc.RepromptDialogAsync();

        Assert.False(context.Responded);
    }
}
