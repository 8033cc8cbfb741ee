using WeComHelpBot.Analytics;
using WeComHelpBot.Privacy;
using WeComHelpBot.Tests.Support;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Tests.Tickets;

public sealed class TicketServiceTests : IDisposable
{
    private readonly SupportTestHost host = new();

    public void Dispose() => host.Dispose();

    private TicketService Tickets => host.Get<TicketService>();

    [Fact]
    public async Task Create_NumbersTicketsPerChinaDay()
    {
        var first = await Tickets.CreateAsync(Request("c1"));
        var second = await Tickets.CreateAsync(Request("c2"));
        host.Time.Advance(TimeSpan.FromHours(14)); // 2026-11-26 00:00 China time
        var nextDay = await Tickets.CreateAsync(Request("c3"));

        Assert.Equal("T20261125-0001", first.Number);
        Assert.Equal("T20261125-0002", second.Number);
        Assert.Equal("T20261126-0001", nextDay.Number);
    }

    [Fact]
    public async Task Create_KeepsThePhoneRaw_AndMasksEverythingElse()
    {
        var ticket = await Tickets.CreateAsync(Request("c1") with
        {
            FailureDescription = "法人身份证110105194912310029校验不通过",
            Answers = new Dictionary<string, string> { ["legal_id"] = "110105194912310029", ["method"] = "人脸识别" },
        });

        Assert.Equal("13812345678", ticket.ContactPhone);
        Assert.Equal("法人身份证110************029校验不通过", ticket.FailureDescription);
        Assert.Equal("110************029", ticket.Answers["legal_id"]);
        Assert.Equal("人脸识别", ticket.Answers["method"]);
    }

    [Fact]
    public async Task Create_AttachesTheRecentTurnsOfThatConversation()
    {
        var transcripts = host.Get<TranscriptStore>();
        await transcripts.AppendAsync(new TranscriptEntry("c1", "test", host.Time.GetUtcNow(), TranscriptDirection.Incoming, "对公打款好几天了没到"));
        await transcripts.AppendAsync(new TranscriptEntry("c1", "test", host.Time.GetUtcNow().AddSeconds(1), TranscriptDirection.Outgoing, "一般 1-2 个工作日到账"));
        await transcripts.AppendAsync(new TranscriptEntry("other", "test", host.Time.GetUtcNow(), TranscriptDirection.Incoming, "别的会话"));

        var ticket = await Tickets.CreateAsync(Request("c1"));

        Assert.Equal(["对公打款好几天了没到", "一般 1-2 个工作日到账"], ticket.RecentTurns.Select(t => t.Text));
        Assert.False(string.IsNullOrWhiteSpace(ticket.ExpectedResponse));
    }

    [Theory]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("+86 138-1234-5678", "13812345678")]
    [InlineData("0591-87654321", "0591-87654321")]
    [InlineData("01087654321", "010-87654321")]
    public async Task Create_NormalizesContactPhones(string typed, string stored)
    {
        var ticket = await Tickets.CreateAsync(Request("c1") with { ContactPhone = typed });

        Assert.Equal(stored, ticket.ContactPhone);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1381234567x")]
    [InlineData("23812345678")]
    public async Task Create_RejectsAPhoneSupportCannotCall_AndStoresNothing(string typed)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Tickets.CreateAsync(Request("c1") with { ContactPhone = typed }));

        Assert.Contains("联系电话", error.Message);
        Assert.Empty(await Tickets.ListAsync());
    }

    [Fact]
    public async Task ListGetClose_WorkTogether_AndSurviveARestart()
    {
        var first = await Tickets.CreateAsync(Request("c1"));
        host.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await Tickets.CreateAsync(Request("c2"));

        var closed = await Tickets.CloseAsync(first.Number.ToLowerInvariant());
        host.Restart();

        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.Equal([second.Number, first.Number], (await Tickets.ListAsync()).Select(t => t.Number));
        Assert.Equal([second.Number], (await Tickets.ListAsync(TicketStatus.Open)).Select(t => t.Number));
        var reloaded = await Tickets.GetAsync(first.Number);
        Assert.NotNull(reloaded);
        Assert.Equal(TicketStatus.Closed, reloaded.Status);
        Assert.Equal(host.Time.GetUtcNow().AddMinutes(0), reloaded.ClosedAt);
        Assert.Equal("某某科技有限公司", reloaded.CompanyName);
    }

    [Fact]
    public async Task Close_UnknownTicket_Throws()
    {
        await Assert.ThrowsAsync<TicketNotFoundException>(() => Tickets.CloseAsync("T20990101-0001"));
        Assert.Null(await Tickets.GetAsync("T20990101-0001"));
    }

    [Fact]
    public async Task Create_RecordsTicketCreated_ForStats()
    {
        var ticket = await Tickets.CreateAsync(Request("c1"));

        var events = await host.Get<SupportAnalytics>().GetEventsAsync();

        var created = Assert.Single(events);
        Assert.Equal(AnalyticsEventType.TicketCreated, created.Type);
        Assert.Equal(ticket.Number, created.TicketNumber);
    }

    [Fact]
    public async Task ConcurrentCreates_NeverShareANumber()
    {
        var creates = Enumerable.Range(0, 20).Select(i => Task.Run(() => Tickets.CreateAsync(Request($"c{i}"))));

        var tickets = await Task.WhenAll(creates);

        Assert.Equal(20, tickets.Select(t => t.Number).Distinct().Count());
    }

    private static TicketRequest Request(string conversationId) =>
        new(conversationId, "13812345678", "某某科技有限公司", "法人信息校验失败", "扫码后一直提示校验失败")
        {
            Source = "转人工",
        };
}
