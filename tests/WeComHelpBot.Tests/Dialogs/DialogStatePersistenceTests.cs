using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using WeComHelpBot.Dialogs;
using WeComHelpBot.Dialogs.Choices;
using WeComHelpBot.Dialogs.Prompts;

namespace WeComHelpBot.Tests.Dialogs;

public sealed class DialogStatePersistenceTests
{
    private static void AddDialogs(DialogSet dialogs)
    {
        dialogs.Add(new ChoicePrompt("choice"));
        dialogs.Add(new WaterfallDialog("root", [
            (step, ct) =>
            {
                step.Values["asked"] = "yes";
                return step.PromptAsync("choice", new PromptOptions { Prompt = "哪种主体？", Choices = [new("企业", ["公司"]), new("个体工商户", ["个体户"])] }, ct);
            },
            (step, ct) => step.EndDialogAsync($"{((FoundChoice)step.Result!).Value}/{step.Values["asked"]}", ct),
        ]));
    }

    [Fact]
    public async Task AFlow_ResumesAfterARestart_WithTheSameStorage()
    {
        var storage = new MemoryStorage();
        var before = new DialogTestHarness(storage);
        AddDialogs(before.Dialogs);
        await before.Flow().Send("hi").AssertReply("哪种主体？\n(1) 企业　(2) 个体工商户").StartTestAsync();

        // A new process: new state objects, new dialogs, new adapter; only the storage survives.
        var after = new DialogTestHarness(storage);
        AddDialogs(after.Dialogs);

        await after.Flow().Send("个体户").AssertReply("完成：个体工商户/yes").StartTestAsync();
    }

    [Theory]
    [InlineData(TypeNameHandling.None)]
    [InlineData(TypeNameHandling.All)]
    public void DialogState_RoundTripsThroughNewtonsoftJson(TypeNameHandling typeNames)
    {
        var state = new DialogState
        {
            DialogStack =
            [
                new DialogInstance
                {
                    Id = "choice",
                    AttemptCount = 2,
                    Prompt = new PromptOptions { Prompt = "哪种？", Choices = [new Choice("企业", ["公司"])], MaxAttempts = 4, DefaultValue = "企业", Help = "帮助", RetryPrompt = "再选" },
                },
                new DialogInstance { Id = "root", StepIndex = 1, StepId = "entity", Values = { ["entity"] = "企业" }, Options = { ["from"] = "menu" } },
            ],
        };
        var settings = new JsonSerializerSettings { TypeNameHandling = typeNames };

        var copy = JsonConvert.DeserializeObject<DialogState>(JsonConvert.SerializeObject(state, settings), settings)!;

        Assert.Equal(JsonConvert.SerializeObject(state), JsonConvert.SerializeObject(copy));
        Assert.Equal(["公司"], copy.DialogStack[0].Prompt!.Choices[0].Synonyms);
    }

    [Theory]
    [InlineData(TypeNameHandling.None)]
    [InlineData(TypeNameHandling.All)]
    public void AnEmptyStack_IsNotWritten_AndReadsBackEmpty(TypeNameHandling typeNames)
    {
        var settings = new JsonSerializerSettings { TypeNameHandling = typeNames };

        var json = JsonConvert.SerializeObject(new DialogState(), settings);
        var copy = JsonConvert.DeserializeObject<DialogState>(json, settings)!;

        Assert.DoesNotContain(nameof(DialogState.DialogStack), json, StringComparison.Ordinal);
        Assert.Empty(copy.DialogStack);
        copy.DialogStack.Add(new DialogInstance { Id = "root" });
        Assert.Equal("root", JsonConvert.DeserializeObject<DialogState>(JsonConvert.SerializeObject(copy, settings), settings)!.DialogStack.Single().Id);
    }
}
