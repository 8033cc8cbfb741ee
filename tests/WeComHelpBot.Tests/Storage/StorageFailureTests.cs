using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Channels;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Storage;
using WeComHelpBot.Tests.Channels;

namespace WeComHelpBot.Tests.Storage;

/// <summary>
/// Storage that cannot be written (a read-only disk or file): the health check says so, and a turn apologises in one
/// log line. The file is opened read-only rather than failed mid-commit: LiteDB 5.0.21 cannot roll back a commit its
/// disk broke off (issue #2586), and the transaction it leaves behind throws from its finalizer.
/// </summary>
public sealed class StorageFailureTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string DatabaseFile => new BotPaths { DataDirectory = folder.Path }.DatabaseFile;

    [Fact]
    public async Task Health_IsHealthy_OnAWritableFile_AndUnhealthy_WhenTheFileCannotBeWritten()
    {
        Assert.True(await CheckHealthAsync(readOnly: false));

        Assert.False(await CheckHealthAsync(readOnly: true));
    }

    [Fact]
    public async Task ATurnThatCannotSaveState_GetsAShortApology_AndOneLogLine()
    {
        using (var provider = new LiteDatabaseProvider())
        {
            provider.GetDatabase(DatabaseFile);
        }

        using var database = OpenReadOnly();
        var storage = new LiteDbStorage(database, DatabaseFile);
        var state = new ConversationState(storage);
        var logger = new CapturingLogger<TurnErrorReporter>();
        var adapter = new ReplyCollectingAdapter(new TurnErrorReporter(logger), []);

        var replies = await adapter.ProcessActivityAsync(Incoming("我的手机号13812345678"), new StatefulBot(state, state.CreateProperty<int>("count")));

        Assert.Equal(ChannelTexts.StorageUnavailable, replies.Last().Text);
        var line = Assert.Single(logger.Lines);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain("13812345678", line, StringComparison.Ordinal);
    }

    private async Task<bool> CheckHealthAsync(bool readOnly)
    {
        var paths = new BotPaths { DataDirectory = folder.Path };
        var services = new ServiceCollection();
        services.AddLogging();
        if (readOnly)
        {
            services.AddSingleton(_ => OpenReadOnly());
        }

        services.AddBotStorage(paths);
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<StorageHealth>().CheckAsync();
    }

    private LiteDatabase OpenReadOnly() => new(new ConnectionString { Filename = DatabaseFile, ReadOnly = true, Connection = LiteDB.ConnectionType.Direct });

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
