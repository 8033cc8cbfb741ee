using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Bot;
using WeComHelpBot.Support.Analytics;
using WeComHelpBot.Tests.Storage;

namespace WeComHelpBot.Tests.Support.Conversation;

/// <summary>
/// The whole bot as hosts build it (shipped knowledge/ and dialogs/, LiteDB in a temp folder, the transcript middleware),
/// driven through TestAdapter in zh-CN on the given channel.
/// </summary>
public sealed class ConversationTestHost : IDisposable
{
    private readonly TempFolder folder = new();
    private ServiceProvider? provider;

    public ConversationTestHost(string conversationId = "conv-1", string channelId = "test")
    {
        ConversationId = conversationId;
        Paths = new BotPaths { DataDirectory = folder.Path };
        provider = Build();
        var conversation = TestAdapter.CreateConversation(conversationId);
        conversation.Conversation.Id = conversationId;
        conversation.ChannelId = channelId;
        Adapter = new TestAdapter(conversation) { Locale = "zh-CN" };
        foreach (var middleware in Services.GetServices<IMiddleware>())
        {
            Adapter.Use(middleware);
        }
    }

    public string ConversationId { get; }

    public BotPaths Paths { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8)));

    public TestAdapter Adapter { get; }

    public IServiceProvider Services => provider ?? throw new ObjectDisposedException(nameof(ConversationTestHost));

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public TestFlow Flow() => new(Adapter, Get<IBot>().OnTurnAsync);

    /// <summary>Sends one message and returns every text the bot sent in that turn, joined by new lines.</summary>
    public async Task<string> SayAsync(string text) => await SendAsync(MessageFactory.Text(text));

    public async Task<string> SendAsync(IActivity activity)
    {
        await Adapter.ProcessActivityAsync((Activity)activity, Get<IBot>().OnTurnAsync, CancellationToken.None);
        var replies = new List<string>();
        while (Adapter.GetNextReply() is IMessageActivity reply)
        {
            replies.Add(reply.Text ?? string.Empty);
        }

        return string.Join("\n", replies);
    }

    public async Task<IReadOnlyList<AnalyticsEventType>> EventTypesAsync() =>
        (await Get<SupportAnalytics>().GetEventsAsync()).Select(e => e.Type).ToList();

    public async Task<IReadOnlyList<AnalyticsEvent>> EventsAsync(AnalyticsEventType type) =>
        (await Get<SupportAnalytics>().GetEventsAsync()).Where(e => e.Type == type).ToList();

    /// <summary>Closes the database file, as a process exit would.</summary>
    public void CloseDatabase()
    {
        provider?.Dispose();
        provider = null;
    }

    /// <summary>A new process on the same data folder (the adapter keeps its conversation).</summary>
    public void Reopen()
    {
        CloseDatabase();
        provider = Build();
    }

    public void Dispose()
    {
        CloseDatabase();
        folder.Dispose();
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddWeComHelpBot(Paths);
        return services.BuildServiceProvider();
    }
}
