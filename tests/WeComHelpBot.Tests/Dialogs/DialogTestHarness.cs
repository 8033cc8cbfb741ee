using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using WeComHelpBot.Dialogs;

namespace WeComHelpBot.Tests.Dialogs;

/// <summary>
/// A bot whose turn is "continue the active dialog, else begin the root", as Bot Builder's dialog tests use,
/// with the stack in ConversationState over <see cref="Storage"/> and saved at the end of every turn.
/// </summary>
public sealed class DialogTestHarness
{
    public DialogTestHarness(IStorage? storage = null, string rootId = "root")
    {
        Storage = storage ?? new MemoryStorage();
        ConversationState = new ConversationState(Storage);
        Accessor = ConversationState.CreateProperty<DialogState>(nameof(DialogState));
        Dialogs = new DialogSet(Accessor);
        RootId = rootId;
        Adapter = NewAdapter();
    }

    public IStorage Storage { get; }

    public ConversationState ConversationState { get; }

    public IStatePropertyAccessor<DialogState> Accessor { get; }

    public DialogSet Dialogs { get; }

    public string RootId { get; }

    public TestAdapter Adapter { get; }

    public List<DialogTurnResult> Results { get; } = [];

    public static TestAdapter NewAdapter(string conversation = "dialog-tests") =>
        new(TestAdapter.CreateConversation(conversation)) { Locale = "zh-CN" };

    /// <summary>Reports a completed or cancelled stack to the user so tests can assert on it.</summary>
    public async Task TurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var result = await Dialogs.RunAsync(RootId, turnContext, cancellationToken);
        Results.Add(result);
        if (result.Status == DialogTurnStatus.Complete)
        {
            await turnContext.SendActivityAsync($"完成：{result.Result}", cancellationToken: cancellationToken);
        }

        await ConversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    public TestFlow Flow() => new(Adapter, TurnAsync);
}
