using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using WeComHelpBot.Dialogs;
using WeComHelpBot.Dialogs.Prompts;

namespace WeComHelpBot.Tests.Dialogs;

public sealed class DialogContextTests
{
    private static PromptOptions Ask(string text) => new() { Prompt = text };

    [Fact]
    public async Task Turn_WithNothingActive_BeginsTheRoot()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new TextPrompt("text"));
        harness.Dialogs.Add(new WaterfallDialog("root", [
            (step, ct) => step.PromptAsync("text", Ask("您叫什么？"), ct),
        ]));

        await harness.Flow().Send("你好").AssertReply("您叫什么？").StartTestAsync();

        Assert.Equal(DialogTurnStatus.Waiting, harness.Results.Single().Status);
    }

    [Fact]
    public async Task Turn_WithActiveDialog_ContinuesIt()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new TextPrompt("text"));
        harness.Dialogs.Add(new WaterfallDialog("root", [
            (step, ct) => step.PromptAsync("text", Ask("您叫什么？"), ct),
            (step, ct) => step.EndDialogAsync($"名字={step.Result}", ct),
        ]));

        await harness.Flow().Send("你好").AssertReply("您叫什么？").Send("小王").AssertReply("完成：名字=小王").StartTestAsync();
    }

    [Fact]
    public async Task BeginDialog_WithUnknownId_Throws()
    {
        var harness = new DialogTestHarness(rootId: "missing");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Flow().Send("hi").StartTestAsync());

        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void Add_WithDuplicateId_Throws()
    {
        var dialogs = new DialogSet();
        dialogs.Add(new TextPrompt("same"));

        Assert.Throws<InvalidOperationException>(() => dialogs.Add(new TextPrompt("same")));
    }

    [Fact]
    public async Task EndDialog_ResumesParentWithTheResult()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new WaterfallDialog("child", [(step, ct) => step.EndDialogAsync("孩子的结果", ct)]));
        harness.Dialogs.Add(new WaterfallDialog("root", [
            (step, ct) => step.BeginDialogAsync("child", null, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"{step.Reason}:{step.Result}", cancellationToken: ct);
                return Dialog.EndOfTurn;
            },
        ]));

        await harness.Flow().Send("hi").AssertReply("EndCalled:孩子的结果").StartTestAsync();
    }

    [Fact]
    public async Task EndDialog_OfTheLastDialog_ReturnsCompleteWithTheResult()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new WaterfallDialog("root", [(step, ct) => step.EndDialogAsync(42, ct)]));

        await harness.Flow().Send("hi").AssertReply("完成：42").StartTestAsync();

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, 42), harness.Results.Single());
    }

    [Fact]
    public async Task CancelAll_EndsEveryDialogTopDown_WithCancelCalled_AndResumesNoParent()
    {
        var log = new List<string>();
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new RecordingDialog("inner", log, endImmediately: false));
        harness.Dialogs.Add(new RecordingDialog("middle", log, child: "inner"));
        harness.Dialogs.Add(new RecordingDialog("root", log, child: "middle"));

        await harness.Flow().Send("hi").StartTestAsync();
        var dc = await NewContextAsync(harness);
        Assert.Equal(["inner", "middle", "root"], dc.Stack.Select(i => i.Id));

        var result = await dc.CancelAllDialogsAsync();

        Assert.Equal(DialogTurnStatus.Cancelled, result.Status);
        Assert.Empty(dc.Stack);
        Assert.Equal(["end inner CancelCalled", "end middle CancelCalled", "end root CancelCalled"], log.Where(l => l.StartsWith("end", StringComparison.Ordinal)));
        Assert.DoesNotContain(log, l => l.StartsWith("resume", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancelAll_WithNothingActive_ReturnsEmpty()
    {
        var harness = new DialogTestHarness();
        var dc = await NewContextAsync(harness);

        Assert.Equal(DialogTurnStatus.Empty, (await dc.CancelAllDialogsAsync()).Status);
    }

    [Fact]
    public async Task ContinueDialog_WithNothingActive_ReturnsEmpty()
    {
        var harness = new DialogTestHarness();
        var dc = await NewContextAsync(harness);

        Assert.Equal(DialogTurnStatus.Empty, (await dc.ContinueDialogAsync()).Status);
    }

    [Fact]
    public async Task ReplaceDialog_EndsTheActiveWithReplaceCalled_AndBeginsTheNewOneInItsPlace()
    {
        var log = new List<string>();
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new RecordingDialog("first", log, endImmediately: false));
        harness.Dialogs.Add(new RecordingDialog("second", log, endImmediately: false));
        harness.Dialogs.Add(new RecordingDialog("root", log, child: "first"));
        await harness.Flow().Send("hi").StartTestAsync();
        var dc = await NewContextAsync(harness);

        await dc.ReplaceDialogAsync("second");

        Assert.Equal(["second", "root"], dc.Stack.Select(i => i.Id));
        Assert.Contains("end first ReplaceCalled", log);
        Assert.DoesNotContain(log, l => l.StartsWith("resume", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stack_KeepsTheActiveDialogAtIndexZero()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new TextPrompt("text"));
        harness.Dialogs.Add(new WaterfallDialog("root", [(step, ct) => step.PromptAsync("text", Ask("问题"), ct)]));
        await harness.Flow().Send("hi").AssertReply("问题").StartTestAsync();

        var dc = await NewContextAsync(harness);

        Assert.Equal("text", dc.ActiveDialog!.Id);
        Assert.Equal(["text", "root"], dc.Stack.Select(i => i.Id));
    }

    [Fact]
    public async Task NonMessageActivity_DoesNotAdvanceAWaitingPrompt()
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(new TextPrompt("text"));
        harness.Dialogs.Add(new WaterfallDialog("root", [
            (step, ct) => step.PromptAsync("text", Ask("您叫什么？"), ct),
            (step, ct) => step.EndDialogAsync(step.Result, ct),
        ]));

        await harness.Flow()
            .Send("hi").AssertReply("您叫什么？")
            .Send(new Activity(ActivityTypes.Typing))
            .AssertNoReply()
            .Send("小李").AssertReply("完成：小李")
            .StartTestAsync();
    }

    private static async Task<DialogContext> NewContextAsync(DialogTestHarness harness)
    {
        var context = new TurnContext(harness.Adapter, harness.Adapter.Conversation.GetContinuationActivity());
        return await harness.Dialogs.CreateContextAsync(context);
    }

    /// <summary>Begins its child (if any) and logs every hook, to observe the order the stack calls them in.</summary>
    private sealed class RecordingDialog(string id, List<string> log, string? child = null, bool endImmediately = true) : Dialog(id)
    {
        public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, DialogOptions? options = null, CancellationToken cancellationToken = default)
        {
            log.Add($"begin {Id}");
            if (child is not null)
            {
                return await dc.BeginDialogAsync(child, null, cancellationToken);
            }

            return endImmediately ? await dc.EndDialogAsync(Id, cancellationToken) : EndOfTurn;
        }

        public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
        {
            log.Add($"resume {Id} {reason}");
            return Task.FromResult(EndOfTurn);
        }

        public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        {
            log.Add($"end {Id} {reason}");
            return Task.CompletedTask;
        }
    }
}
