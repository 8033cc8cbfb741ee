using System.Net;
using System.Text;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeComHelpBot.Bot;
using WeComHelpBot.Server.Tests.Support;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Server.Tests;

/// <summary>
/// Companies often make a member's WeCom UserID their mobile number. Such a member talks to the bot, files a ticket and
/// gets a late reply: every reply reaches that UserID, and the number is in no file of the data folder and no log line.
/// </summary>
public sealed class WeComMemberPrivacyTests : IAsyncLifetime
{
    private const string PhoneUserId = "13912345678";

    private readonly ProbeMessageHandler probe = new();
    private readonly CapturingLoggerProvider logs = new();
    private FakeWeComApiServer api = null!;
    private HelpBotServerFactory factory = null!;
    private HttpClient client = null!;
    private int messageId;

    public async Task InitializeAsync()
    {
        api = await FakeWeComApiServer.StartAsync();
        factory = new HelpBotServerFactory()
            .WithSetting("WeCom:ApiBaseUrl", api.BaseUrl)
            // Long enough for a first (cold) knowledge turn under load; the slow probe turns outlast it whatever it is.
            .WithSetting("WeCom:ReplyTimeout", "00:00:04")
            .WithServices(s =>
            {
                s.AddSingleton<IMessageHandler>(probe);
                s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
                s.AddSingleton<ILoggerProvider>(logs);
            });
        client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        probe.ReleaseSlowTurns();
        await factory.DisposeAsync();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task MemberWhoseUserIdIsAPhoneNumber_IsAnswered_ButTheNumberIsStoredAndLoggedNowhere()
    {
        var welcome = await PostAsync(WeComRequests.EnterAgentXml(PhoneUserId, WeComRequests.Now()));
        Assert.Equal(PhoneUserId, welcome!.ToUserName);
        Assert.Equal(BotTexts.Welcome, welcome.Content);

        Assert.Equal(PhoneUserId, (await PostAsync(Text("个体户最多能加几个人")))!.ToUserName);
        await PostAsync(Text("转人工"));
        await PostAsync(Text("成员导入一直失败"));
        await PostAsync(Text("厦门某某贸易有限公司"));
        var done = await PostAsync(Text("13800001111"));
        Assert.Contains("工单号", done!.Content);

        // A turn that outlasts the passive reply goes out through message/send, to the real UserID.
        Assert.Null(await PostAsync(Text(ProbeMessageHandler.SlowQuestion)));
        probe.ReleaseSlowTurns();
        var sent = Assert.Single(await api.WaitForSentAsync(1, TimeSpan.FromSeconds(15)));
        Assert.Equal(PhoneUserId, sent.GetProperty("touser").GetString());

        var files = await ReadDataFolderAsync();
        Assert.False(Contains(files, Encoding.UTF8.GetBytes(PhoneUserId)), "UTF-8 UserID found in the data folder");
        Assert.False(Contains(files, Encoding.Unicode.GetBytes(PhoneUserId)), "UTF-16 UserID found in the data folder");
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Message.Contains(PhoneUserId, StringComparison.Ordinal) || (line.Exception?.ToString().Contains(PhoneUserId, StringComparison.Ordinal) ?? false));

        var ticket = Assert.Single(await factory.Services.GetRequiredService<TicketService>().ListAsync());
        Assert.StartsWith("wecom:m", ticket.ConversationId);
        Assert.DoesNotContain(PhoneUserId, ticket.ConversationId);
        Assert.True(Contains(files, Encoding.UTF8.GetBytes(ticket.ConversationId)), "the search itself works: the pseudonym is stored");
    }

    private string Text(string content) =>
        WeComRequests.TextXml(PhoneUserId, $"91000000000000{Interlocked.Increment(ref messageId):D5}", content);

    /// <summary>The passive reply, or null when the callback answered empty.</summary>
    private async Task<WeComHelpBot.Channels.WeCom.WeComMessage?> PostAsync(string innerXml)
    {
        var response = await client.SendAsync(WeComRequests.PostMessage(innerXml));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? null : WeComRequests.DecryptReply(body);
    }

    /// <summary>Every file of the data folder, read while the server runs (the database and its log file alike).</summary>
    private async Task<byte[]> ReadDataFolderAsync()
    {
        factory.Services.GetRequiredService<LiteDatabase>().Checkpoint();
        var bytes = new List<byte>();
        foreach (var file in Directory.EnumerateFiles(factory.DataDirectory, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".mode-lock", StringComparison.Ordinal))
            {
                // Empty, and held exclusively by a server that opens the database Direct (the default).
                continue;
            }

            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            bytes.AddRange(copy.ToArray());
        }

        return [.. bytes];
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
