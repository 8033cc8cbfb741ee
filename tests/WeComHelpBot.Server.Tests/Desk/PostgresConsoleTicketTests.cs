using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Desk;
using WeComHelpBot.Server.Desk;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests.Desk;

/// <summary>The server on PostgreSQL: a ticket filed in a conversation (转人工) is in the database and on the console's list.</summary>
public sealed class PostgresConsoleTicketTests : IAsyncLifetime
{
    private readonly PostgresServerSetup postgres = new("wecomhelpbot-pg-console-");
    private HelpBotServerFactory? factory;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await postgres.DisposeAsync();
    }

    [SkippableFact]
    public async Task ATicketFiledInAConversation_IsStoredInPostgres_AndListedOnTheConsole()
    {
        factory = postgres.CreateFactory();
        var client = factory.CreateClient();

        Assert.Contains("遇到了什么问题", await SayAsync(client, "转人工"));
        Assert.Contains("全称", await SayAsync(client, "对公打款打了4天还没到账"));
        Assert.Contains("手机号", await SayAsync(client, "福州闽江小吃店"));
        var done = await SayAsync(client, "138 1234 5678");

        var number = Assert.Single(await NumbersInPostgresAsync());
        Assert.Contains($"工单号 {number}", done);
        await factory.Services.GetRequiredService<DeskAccounts>().AddAsync("xiaowang", DeskRole.Agent, "Agent-pass-2026");
        Assert.Equal(["xiaowang"], await AccountsInPostgresAsync());
        var login = await client.PostAsJsonAsync("/console/api/login", new { user = "xiaowang", password = "Agent-pass-2026" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var list = await client.GetAsync("/console/api/tickets");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var tickets = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        var ticket = Assert.Single(tickets.RootElement.EnumerateArray());
        Assert.Equal(number, ticket.GetProperty("id").GetString());
        Assert.Equal("福州闽江小吃店", ticket.GetProperty("company").GetString());
        // The server keys a conversation by the channel that really received it (botframework:emulator:…).
        Assert.EndsWith(":pg-console-1", ticket.GetProperty("conversationId").GetString());
    }

    [SkippableFact]
    public async Task AConsoleSession_SignedInOnOneServer_IsValidOnAnother()
    {
        factory = postgres.CreateFactory();
        await using var other = postgres.CreateFactory();
        await factory.Services.GetRequiredService<DeskAccounts>().AddAsync("xiaowang", DeskRole.Agent, "Agent-pass-2026");

        var login = await factory.CreateClient().PostAsJsonAsync("/console/api/login", new { user = "xiaowang", password = "Agent-pass-2026" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ConsoleAuthentication.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/api/tickets");
        request.Headers.Add("Cookie", cookie);
        var onOther = await other.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, onOther.StatusCode);
    }

    [SkippableFact]
    public async Task ADeskEventOnOneServer_ReachesTheConsolesOfAnother_Once()
    {
        factory = postgres.CreateFactory();
        await using var other = postgres.CreateFactory();
        var here = factory.Services.GetRequiredService<DeskEventHub>();
        using var elsewhere = other.Services.GetRequiredService<DeskEventHub>().Subscribe();
        using var local = here.Subscribe();

        // The other server's listener starts with it; publish until it hears one, then once more.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var published = 0;
        DeskEvent? heard = null;
        while (heard is null)
        {
            here.Publish(new DeskEvent(DeskEvent.TicketCreated, "T20261125-0001"));
            published++;
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            wait.CancelAfter(TimeSpan.FromMilliseconds(500));
            try
            {
                heard = await elsewhere.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!timeout.IsCancellationRequested)
            {
            }
        }

        here.Publish(new DeskEvent(DeskEvent.UserMessage, "T20261125-0002"));
        published++;
        DeskEvent next;
        do
        {
            next = await elsewhere.Reader.ReadAsync(timeout.Token);
        }
        while (next.TicketNumber == "T20261125-0001");
        await Task.Delay(500); // room for an echo of our own events, which must not come

        Assert.Equal(new DeskEvent(DeskEvent.TicketCreated, "T20261125-0001"), heard);
        Assert.Equal(new DeskEvent(DeskEvent.UserMessage, "T20261125-0002"), next);
        var seenHere = 0;
        while (local.Reader.TryRead(out _))
        {
            seenHere++;
        }

        Assert.Equal(published, seenHere);
    }

    private static async Task<string> SayAsync(HttpClient client, string text)
    {
        var (status, replies) = await ExpectRepliesTurn.PostAsync(client, "act-" + Guid.NewGuid().ToString("N"), "pg-console-1", "user-1", "张三", text);
        Assert.Equal(HttpStatusCode.OK, status);
        return string.Join('\n', replies);
    }

    private Task<List<string>> NumbersInPostgresAsync() => postgres.ReadAsync("SELECT number FROM tickets", r => r.GetString(0));

    private Task<List<string>> AccountsInPostgresAsync() => postgres.ReadAsync("SELECT key FROM desk_accounts", r => r.GetString(0));
}
