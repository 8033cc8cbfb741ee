using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests.Telemetry;

[Collection(ProcessMetricsCollection.Name)]
public sealed class PrometheusMetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AreOffByDefault()
    {
        using var factory = LocalFactory();
        var client = factory.CreateClient();
        await SayAsync(client, "metrics-off", "个体户最多能加几个人");

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task WithPrometheusOn_TurnsLatencyAnswersAndHandoversAreScraped_WithoutUserText()
    {
        using var factory = LocalFactory().WithSetting("Telemetry:Prometheus", "true");
        var client = factory.CreateClient();
        await SayAsync(client, "metrics-1", "个体户最多能加几个人");
        await SayAsync(client, "metrics-2", "火星上怎么开分公司啊 13812345678");
        await SayAsync(client, "metrics-3", "转人工");
        await SayAsync(client, "metrics-4", "hello", channelId: "made-up-channel");

        var text = await client.GetStringAsync("/metrics");

        Assert.Matches("wecomhelp_turns_total\\{[^}]*channel=\"test\"[^}]*\\} 3", text);
        Assert.Matches("wecomhelp_turns_total\\{[^}]*channel=\"other\"[^}]*\\} 1", text);
        Assert.Matches("wecomhelp_turn_duration_seconds_count\\{[^}]*channel=\"test\"[^}]*\\} 3", text);
        Assert.Contains("service_name=\"wecomhelpbot\"", text);
        Assert.Matches("wecomhelp_answers_total\\{[^}]*kind=\"knowledge\"[^}]*\\} 1", text);
        Assert.Matches("wecomhelp_answers_total\\{[^}]*kind=\"low_confidence\"[^}]*\\} 1", text);
        Assert.Matches("wecomhelp_handovers_total\\{[^}]*stage=\"requested\"[^}]*\\} 1", text);
        Assert.DoesNotContain("made-up-channel", text);
        Assert.DoesNotContain("13812345678", text);
        Assert.DoesNotContain("火星", text);
    }

    private static HelpBotServerFactory LocalFactory() =>
        // /api/messages without an app id answers loopback callers only.
        new HelpBotServerFactory().WithServices(s => s.AddSingleton<IStartupFilter>(new ClientAddressStartupFilter(IPAddress.Loopback)));

    private static async Task SayAsync(HttpClient client, string conversation, string text, string channelId = "test")
    {
        var activity = JsonSerializer.Serialize(new
        {
            type = "message",
            id = Guid.NewGuid().ToString("N"),
            channelId,
            serviceUrl = "http://127.0.0.1:1",
            deliveryMode = "expectReplies",
            conversation = new { id = conversation },
            from = new { id = "user-" + conversation },
            recipient = new { id = "bot" },
            text,
        });
        using var response = await client.PostAsync("/api/messages", new StringContent(activity, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
