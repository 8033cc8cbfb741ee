using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Bot;
using WeComHelpBot.Channels;
using WeComHelpBot.Storage;
using WeComHelpBot.Tests.Channels;

namespace WeComHelpBot.Tests.Storage;

/// <summary>Storage that stops working under a running bot: the health check says so, and a turn apologises in one log line.</summary>
public sealed class StorageFailureTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly FailingStream data = new();
    private readonly FailingStream log = new();
    private readonly LiteDatabase database;

    public StorageFailureTests()
    {
        database = new LiteDatabase(data, logStream: log);
    }

    public void Dispose()
    {
        data.FailWrites = false;
        log.FailWrites = false;
        database.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Health_TurnsUnhealthy_WhenWritesFail()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var paths = new BotPaths { DataDirectory = folder.Path };
        using (var provider = new LiteDatabaseProvider())
        {
            provider.GetDatabase(paths.DatabaseFile);
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(database);
        services.AddSingleton<TimeProvider>(time);
        services.AddBotStorage(paths);
        await using var provided = services.BuildServiceProvider();
        var health = provided.GetRequiredService<StorageHealth>();
        Assert.True(await health.CheckAsync());

        data.FailWrites = true;
        log.FailWrites = true;
        time.Advance(StorageHealth.CacheFor);

        Assert.False(await health.CheckAsync());
    }

    [Fact]
    public async Task ATurnThatCannotSaveState_GetsAShortApology_AndOneLogLine()
    {
        var storage = new LiteDbStorage(database, folder.File("wecomhelpbot.db"));
        var state = new ConversationState(storage);
        var counter = state.CreateProperty<int>("count");
        var logger = new CapturingLogger<TurnErrorReporter>();
        var adapter = new ReplyCollectingAdapter(new TurnErrorReporter(logger), []);
        var bot = new StatefulBot(state, counter);
        await adapter.ProcessActivityAsync(Incoming("你好"), bot);

        data.FailWrites = true;
        log.FailWrites = true;
        var replies = await adapter.ProcessActivityAsync(Incoming("我的手机号13812345678"), bot);

        Assert.Equal(ChannelTexts.StorageUnavailable, replies.Last().Text);
        var line = Assert.Single(logger.Lines);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain("13812345678", line, StringComparison.Ordinal);
    }

    private static Activity Incoming(string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "test",
        Conversation = new ConversationAccount { Id = "storage-failure" },
        From = new ChannelAccount { Id = "u1", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "bot", Role = RoleTypes.Bot },
        Text = text,
    };

    private sealed class StatefulBot(ConversationState state, IStatePropertyAccessor<int> counter) : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            var count = await counter.GetAsync(turnContext, () => 0, cancellationToken);
            await counter.SetAsync(turnContext, count + 1, cancellationToken);
            await turnContext.SendActivityAsync($"第 {count + 1} 条", cancellationToken: cancellationToken);
            await state.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
        }
    }
}
