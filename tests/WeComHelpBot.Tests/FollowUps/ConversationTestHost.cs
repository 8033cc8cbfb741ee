using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Analytics;
using WeComHelpBot.Bot;
using WeComHelpBot.Tests.Support;

namespace WeComHelpBot.Tests.FollowUps;

/// <summary>
/// The whole bot as hosts build it (shipped knowledge/ and dialogs/, LiteDB in a temp folder, the transcript middleware),
/// driven through TestAdapter in zh-CN on the given channel.
/// </summary>
public sealed class ConversationTestHost : IDisposable
{
    private readonly ReopenableServices services;
    private readonly ConversationReference conversation;

    /// <param name="configure">Adds or replaces services after the bot's own registrations, in every (re)opened process.</param>
    public ConversationTestHost(string conversationId = "conv-1", string channelId = "test", Action<IServiceCollection>? configure = null)
    {
        ConversationId = conversationId;
        services = new ReopenableServices((collection, paths) =>
        {
            collection.AddWeComHelpBot(paths);
            configure?.Invoke(collection);
        });
        conversation = TestAdapter.CreateConversation(conversationId);
        conversation.Conversation.Id = conversationId;
        conversation.ChannelId = channelId;
        Adapter = NewAdapter();
    }

    public string ConversationId { get; }

    public BotPaths Paths => services.Paths;

    public FakeTimeProvider Time => services.Time;

    /// <summary>The open process's adapter: it runs that process's middleware, and is replaced by <see cref="Reopen"/>.</summary>
    public TestAdapter Adapter { get; private set; }

    public IServiceProvider Services => services.Services;

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
    public void CloseDatabase() => services.Close();

    /// <summary>
    /// A new process on the same data folder and conversation. Its adapter is new too: a TestAdapter cannot drop
    /// middleware, and the old process's middleware would go on recording turns through the closed services.
    /// </summary>
    public void Reopen()
    {
        services.Reopen();
        Adapter = NewAdapter();
    }

    public void Dispose() => services.Dispose();

    private TestAdapter NewAdapter()
    {
        var adapter = new TestAdapter(conversation) { Locale = "zh-CN" };
        foreach (var middleware in Services.GetServices<IMiddleware>())
        {
            adapter.Use(middleware);
        }

        return adapter;
    }
}
