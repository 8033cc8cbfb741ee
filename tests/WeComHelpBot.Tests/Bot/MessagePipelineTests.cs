using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Desk;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.FollowUps;
using WeComHelpBot.Images;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Bot;

/// <summary>The handler order lives in MessagePipeline alone, whatever order the registrations ran in.</summary>
public sealed class MessagePipelineTests
{
    [Fact]
    public void RegisteredHandlers_RunInThePipelinesOrder_WithUnlistedOnesFirst()
    {
        var services = new ServiceCollection();
        services.AddWeComHelpBot(new BotPaths { DataDirectory = Directory.CreateTempSubdirectory("wecomhelpbot-tests-").FullName });
        services.AddSingleton<IMessageHandler, Probe>();
        using var provider = services.BuildServiceProvider();

        var arranged = MessagePipeline.Arrange(provider.GetServices<IMessageHandler>()).Select(h => h.GetType()).ToList();

        Assert.Equal(
            [typeof(Probe), typeof(TypedFactsRecorder), typeof(ConversationStartHandler), typeof(HandoverHoldHandler), typeof(FlowMessageHandler), typeof(SupportFollowUpHandler), typeof(KnowledgeMessageHandler)],
            arranged);
    }

    private sealed class Probe : IMessageHandler
    {
        public Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken = default) => Task.FromResult(false);
    }
}
