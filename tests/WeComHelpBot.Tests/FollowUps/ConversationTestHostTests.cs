using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Privacy;

namespace WeComHelpBot.Tests.FollowUps;

public sealed class ConversationTestHostTests
{
    [Fact]
    public async Task Reopen_RunsTurnsThroughTheNewProcessMiddlewareOnly()
    {
        using var host = new ConversationTestHost(configure: services => services.AddSingleton<IMiddleware, TurnCountingMiddleware>());
        await host.SayAsync("你好");
        var first = CountingMiddleware(host);

        host.Reopen();
        await host.SayAsync("人脸识别怎么弄");

        var second = CountingMiddleware(host);
        Assert.NotSame(first, second);
        Assert.Equal(1, first.Turns);
        Assert.Equal(1, second.Turns);
    }

    [Fact]
    public async Task Reopen_KeepsRecordingTheTranscript_InTheReopenedDatabase()
    {
        using var host = new ConversationTestHost();
        await host.SayAsync("你好");

        host.Reopen();
        await host.SayAsync("人脸识别怎么弄");

        var stored = await host.Get<TranscriptStore>().GetConversationAsync(host.ConversationId);
        Assert.Single(stored, e => e.Direction == TranscriptDirection.Incoming && e.Text == "你好");
        Assert.Single(stored, e => e.Direction == TranscriptDirection.Incoming && e.Text == "人脸识别怎么弄");
    }

    private static TurnCountingMiddleware CountingMiddleware(ConversationTestHost host) =>
        host.Services.GetServices<IMiddleware>().OfType<TurnCountingMiddleware>().Single();
}
