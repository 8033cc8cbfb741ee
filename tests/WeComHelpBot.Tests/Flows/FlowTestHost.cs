using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Bot;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Tests.Dialogs;

namespace WeComHelpBot.Tests.Flows;

/// <summary>The real bot pipeline (HelpBot → flows → knowledge) over given flows, a fake knowledge base and a fixed clock.</summary>
public sealed class FlowTestHost
{
    /// <summary>Wednesday 2026-11-25 10:00.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public FlowTestHost(
        IReadOnlyList<FlowDefinition> flows,
        IStorage? storage = null,
        IKnowledgeAnswerer? answerer = null,
        IEnumerable<IFlowValidator>? validators = null,
        IEnumerable<IFlowAction>? actions = null,
        DateTimeOffset? now = null,
        string conversation = "flow-tests")
    {
        Storage = storage ?? new MemoryStorage();
        var conversationState = new ConversationState(Storage);
        answerer ??= new FakeKnowledgeAnswerer();
        Runtime = new FlowRuntime(
            new FlowCatalog(flows), conversationState, validators ?? [], actions ?? [], answerer,
            new FakeTimeProvider(now ?? Now), NullLogger<FlowRuntime>.Instance);
        Bot = new HelpBot(
            [new FlowMessageHandler(Runtime), new KnowledgeMessageHandler(answerer, EmptyKnowledge(), conversationState, NullLogger<KnowledgeMessageHandler>.Instance)],
            conversationState, new UserState(Storage), NullLogger<HelpBot>.Instance);
        Adapter = new TestAdapter(TestAdapter.CreateConversation(conversation)) { Locale = "zh-CN" };
    }

    public IStorage Storage { get; }

    /// <summary>The handler looks entries up in the current knowledge; this fake answerer's entries are not there.</summary>
    private static KnowledgeHolder EmptyKnowledge()
    {
        var services = new ServiceCollection();
        services.AddOptions();
        services.AddSingleton(new KnowledgeBase([], SynonymMap.Empty));
        services.AddSingleton<KnowledgeIndex>();
        services.AddSingleton<KnowledgeRetriever>();
        return new KnowledgeHolder(services.BuildServiceProvider());
    }

    public FlowRuntime Runtime { get; }

    public HelpBot Bot { get; }

    public TestAdapter Adapter { get; }

    public static IReadOnlyList<FlowDefinition> Shipped() => FlowLoader.LoadDirectory(ContentLocator.Find("dialogs"));

    public static IReadOnlyList<FlowDefinition> FromYaml(params string[] yaml) =>
        FlowLoader.LoadOrThrow(yaml.Select((text, i) => ($"flow{i}.yaml", text)));

    public TestFlow Flow() => new(Adapter, Bot);

    /// <summary>Sends one message and returns every text the bot sent in that turn.</summary>
    public async Task<IReadOnlyList<string>> SayAsync(string text)
    {
        await Adapter.SendTextToBotAsync(text, Bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<string>();
        while (Adapter.GetNextReply() is IMessageActivity reply)
        {
            replies.Add(reply.Text ?? string.Empty);
        }

        return replies;
    }
}
