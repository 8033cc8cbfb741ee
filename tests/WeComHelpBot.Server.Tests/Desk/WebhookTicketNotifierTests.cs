using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Channels;
using WeComHelpBot.Server.Desk;
using WeComHelpBot.Server.Tests.Support;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Server.Tests.Desk;

public sealed class WebhookTicketNotifierTests
{
    [Fact]
    public async Task NewTicket_IsPostedToTheWebhook_AsMaskedMarkdown()
    {
        var received = new BlockingCollection<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var robot = builder.Build();
        robot.MapPost("/cgi-bin/webhook/send", async (HttpRequest request) =>
        {
            received.Add(await new StreamReader(request.Body).ReadToEndAsync());
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        await robot.StartAsync();
        var address = robot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        using var factory = new HelpBotServerFactory().WithSetting("Support:NotifyWebhookUrl", $"{address}/cgi-bin/webhook/send?key=test");
        var ticket = await factory.Services.GetRequiredService<TicketService>().CreateAsync(
            new TicketRequest("conv-1", "13812345678", "福州某某科技有限公司", "打款验证", "对公打款 6 天没到账"));
        var notifier = factory.Services.GetServices<ITicketCreatedObserver>().OfType<WebhookTicketNotifier>().Single();
        await notifier.OnTicketCreatedAsync(ticket, new ConversationAddress("directline", "conv-1"));

        Assert.True(received.TryTake(out var body, TimeSpan.FromSeconds(10)), "the webhook received nothing");
        using var json = JsonDocument.Parse(body!);
        Assert.Equal("markdown", json.RootElement.GetProperty("msgtype").GetString());
        var content = json.RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.Contains(ticket.Number, content);
        Assert.Contains("打款验证", content);
        Assert.Contains("138****5678", content);
        Assert.DoesNotContain("13812345678", content);
        await robot.StopAsync();
    }
}
