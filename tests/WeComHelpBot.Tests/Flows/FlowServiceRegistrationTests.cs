using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Dialogs.Flows;

namespace WeComHelpBot.Tests.Flows;

/// <summary>AddFlows as the hosts use it: through AddWeComHelpBot, with the shipped dialogs/.</summary>
public sealed class FlowServiceRegistrationTests
{
    private static ServiceProvider Build(Action<IServiceCollection>? extra = null)
    {
        var services = new ServiceCollection();
        services.AddWeComHelpBot(new BotPaths { DataDirectory = Directory.CreateTempSubdirectory("wecomhelpbot-tests-").FullName });
        extra?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task TheBot_StartsAShippedFlow_FromTheUsersWords()
    {
        using var provider = Build();
        var bot = provider.GetRequiredService<IBot>();
        var adapter = new TestAdapter(TestAdapter.CreateConversation("di")) { Locale = "zh-CN" };

        await new TestFlow(adapter, bot)
            .Send("我想一步一步注册")
            .AssertReply(a => Assert.Contains("4 个阶段", ((IMessageActivity)a).Text))
            .AssertReply(a => Assert.Contains("创建企业", ((IMessageActivity)a).Text))
            .AssertReply(a => Assert.StartsWith("第 1 步完成了吗？", ((IMessageActivity)a).Text))
            .StartTestAsync();
    }

    [Fact]
    public void TheFlowStarter_ListsTheShippedFlowsForMenus()
    {
        using var provider = Build();

        var starter = provider.GetRequiredService<IFlowStarter>();

        Assert.Equal(7, starter.Flows.Count);
        Assert.All(starter.Flows, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
    }

    [Fact]
    public async Task TheBot_RegistersTheCodeChecks_SoTheCreditCodeStepDiagnosesTheCode()
    {
        using var provider = Build();
        var bot = provider.GetRequiredService<IBot>();
        var adapter = new TestAdapter(TestAdapter.CreateConversation("di-code")) { Locale = "zh-CN" };

        await new TestFlow(adapter, bot)
            .Send("法人信息校验失败帮我看看").AssertReply(_ => { }).AssertReply(a => Assert.Contains("一字不差吗", ((IMessageActivity)a).Text))
            .Send("一样").AssertReply(a => Assert.Contains("统一社会信用代码照着发给我", ((IMessageActivity)a).Text))
            .Send("91350100M0O0100Y43").AssertReply(a => Assert.Contains("第 11 位“O”", ((IMessageActivity)a).Text))
            .StartTestAsync();
    }
}
