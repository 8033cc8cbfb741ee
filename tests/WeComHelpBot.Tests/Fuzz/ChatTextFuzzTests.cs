using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;

namespace WeComHelpBot.Tests.Fuzz;

/// <summary>The real bot (shipped knowledge base and flows, LiteDB storage) fed generated bad chat text.</summary>
public sealed class ChatTextFuzzTests : IDisposable
{
    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("wecomhelpbot-fuzz-");
    private readonly ServiceProvider services;

    public ChatTextFuzzTests()
    {
        services = new ServiceCollection()
            .AddWeComHelpBot(new BotPaths { DataDirectory = data.FullName })
            .BuildServiceProvider();
    }

    public void Dispose()
    {
        services.Dispose();
        data.Delete(recursive: true);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task GeneratedBadText_AlwaysGetsAClearReply(int seed)
    {
        var bot = services.GetRequiredService<IBot>();

        // A few conversations, so that garbage also lands in the middle of flows and pending choices. Each adapter runs
        // the registered middleware, as the CLI's and the server's adapters do.
        var adapters = Enumerable.Range(0, 4)
            .Select(i =>
            {
                var adapter = new TestAdapter(TestAdapter.CreateConversation($"fuzz-{seed}-{i}")) { Locale = "zh-CN" };
                foreach (var middleware in services.GetServices<IMiddleware>())
                {
                    adapter.Use(middleware);
                }

                return adapter;
            })
            .ToArray();
        var i = 0;
        foreach (var text in FuzzText.ChatMessages(seed, 100))
        {
            var adapter = adapters[i++ % adapters.Length];
            await adapter.SendTextToBotAsync(text, bot.OnTurnAsync, CancellationToken.None);
            var replies = new List<string>();
            while (adapter.GetNextReply() is IMessageActivity reply)
            {
                replies.Add(reply.Text ?? string.Empty);
            }

            Assert.True(replies.Any(r => r.Trim().Length > 0), $"case {i} (seed {seed}, {text.Length} chars) got no reply");
        }
    }
}
