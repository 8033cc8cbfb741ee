using WeComHelpBot.Privacy;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Tests.Storage;

/// <summary>
/// <see cref="ITicketStore"/> behaviour, run against LiteDB and PostgreSQL (which skips where no test database is
/// configured, see <see cref="PostgresTestDatabase"/>).
/// </summary>
public abstract class TicketStoreContractTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private ITicketStore? store;

    protected ITicketStore Store => store ??= CreateStore();

    protected abstract ITicketStore CreateStore();

    [SkippableFact]
    public async Task Create_NumbersConsecutivelyWithinADay_AndAfreshEachDay()
    {
        var first = await CreateAsync(Store, "20261125");
        var second = await CreateAsync(Store, "20261125");
        var nextDay = await CreateAsync(Store, "20261126");

        Assert.Equal("T20261125-0001", first.Ticket.Number);
        Assert.Equal("T20261125-0002", second.Ticket.Number);
        Assert.Equal("T20261126-0001", nextDay.Ticket.Number);
    }

    [SkippableFact]
    public async Task Create_ManyAtOnce_HandsOutEachNumberOnce()
    {
        var store = Store; // made once, before the threads race
        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => CreateAsync(store, "20261125"))));

        Assert.Equal(
            Enumerable.Range(1, 20).Select(n => $"T20261125-{n:0000}"),
            created.Select(t => t.Ticket.Number).Order(StringComparer.Ordinal));
        Assert.Equal(20, (await Store.ListAsync()).Count);
    }

    [SkippableFact]
    public async Task Create_WhenBuildingTheTicketFails_GivesItsNumberBack()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Store.CreateAsync("20261125", _ => throw new InvalidOperationException("电话格式不对"), CancellationToken.None));

        var ticket = await CreateAsync(Store, "20261125");

        Assert.Equal("T20261125-0001", ticket.Ticket.Number);
        Assert.Single(await Store.ListAsync());
    }

    [SkippableFact]
    public async Task Get_ReturnsTheTicketAsStored_WithItsProtectedContact()
    {
        var created = await CreateAsync(Store, "20261125", "c-老王");

        var read = await Store.GetAsync(created.Ticket.Number);

        Assert.NotNull(read);
        Assert.Equal("enc1:密文", read.ProtectedContact);
        Assert.Equal(TicketService.ToJson(created.Ticket), TicketService.ToJson(read.Ticket));
        Assert.Equal("c-老王", read.Ticket.ConversationId);
        Assert.Equal(["营业执照拍糊了咋办"], read.Ticket.RecentTurns.Select(t => t.Text));
        Assert.Equal("人脸识别", read.Ticket.Answers["method"]);
        Assert.Equal(Morning, read.Ticket.CreatedAt);
    }

    [SkippableFact]
    public async Task Get_ATicketWithoutProtectedContact_KeepsItsJsonAsItIs()
    {
        var legacy = await Store.CreateAsync("20261125", number => Sample(number, "c1") with { ProtectedContact = null });

        var read = await Store.GetAsync(legacy.Ticket.Number);

        Assert.NotNull(read);
        Assert.Null(read.ProtectedContact);
        Assert.Equal("138****5678", read.Ticket.ContactPhone);
    }

    [SkippableFact]
    public async Task Get_AnUnknownNumber_ReturnsNull()
    {
        await CreateAsync(Store, "20261125");

        Assert.Null(await Store.GetAsync("T20990101-0009"));
    }

    [SkippableFact]
    public async Task List_FiltersByStatus()
    {
        var open = await CreateAsync(Store, "20261125");
        var closed = await CreateAsync(Store, "20261125");
        await Store.UpdateAsync(closed.Ticket.Number, Close);

        Assert.Equal(2, (await Store.ListAsync()).Count);
        Assert.Equal([open.Ticket.Number], (await Store.ListAsync(TicketStatus.Open)).Select(t => t.Ticket.Number));
        Assert.Equal([closed.Ticket.Number], (await Store.ListAsync(TicketStatus.Closed)).Select(t => t.Ticket.Number));
    }

    [SkippableFact]
    public async Task Update_StoresWhatTheChangeMakes()
    {
        var created = await CreateAsync(Store, "20261125");

        var updated = await Store.UpdateAsync(created.Ticket.Number, current => Close(current) with { ProtectedContact = "enc1:新密文" });
        var read = await Store.GetAsync(created.Ticket.Number);

        Assert.NotNull(updated);
        Assert.NotNull(read);
        Assert.Equal(TicketStatus.Closed, read.Ticket.Status);
        Assert.Equal(Morning.AddHours(1), read.Ticket.ClosedAt);
        Assert.Equal("enc1:新密文", read.ProtectedContact);
    }

    [SkippableFact]
    public async Task Update_HandsTheChangeTheStoredTicket_AndReturnsItUnchangedWhenTheChangeKeepsIt()
    {
        var created = await CreateAsync(Store, "20261125");
        StoredTicket? seen = null;

        var result = await Store.UpdateAsync(created.Ticket.Number, current => seen = current);

        Assert.NotNull(seen);
        Assert.Same(seen, result);
        Assert.Equal(TicketService.ToJson(created.Ticket), TicketService.ToJson(seen.Ticket));
        Assert.Equal(TicketStatus.Open, (await Store.GetAsync(created.Ticket.Number))!.Ticket.Status);
    }

    [SkippableFact]
    public async Task Update_AnUnknownNumber_ReturnsNullWithoutCallingTheChange()
    {
        var called = false;

        var result = await Store.UpdateAsync("T20990101-0009", current =>
        {
            called = true;
            return current;
        });

        Assert.Null(result);
        Assert.False(called);
    }

    [SkippableFact]
    public async Task UsesContactKey_AgreesWithTheFirstKeyItSees()
    {
        Assert.True(await Store.UsesContactKeyAsync(() => "AAAA"));
        Assert.True(await Store.UsesContactKeyAsync(() => "AAAA"));
    }

    /// <summary>A ticket as <see cref="TicketService"/> would store it (phone masked, contact "encrypted").</summary>
    protected static StoredTicket Sample(string number, string conversationId) => new(
        new Ticket(
            number,
            Morning,
            TicketStatus.Open,
            conversationId,
            "138****5678",
            "福州某某商行",
            "对公打款验证超时",
            "打款三天了还没到账",
            new Dictionary<string, string> { ["method"] = "人脸识别" },
            [new TranscriptEntry(conversationId, "test", Morning, TranscriptDirection.Incoming, "营业执照拍糊了咋办")],
            "工作日 2 小时内回电")
        {
            Source = "转人工",
        },
        "enc1:密文");

    protected static Task<StoredTicket> CreateAsync(ITicketStore store, string day, string conversationId = "c1") =>
        store.CreateAsync(day, number => Sample(number, conversationId));

    protected static StoredTicket Close(StoredTicket stored) =>
        stored with { Ticket = stored.Ticket with { Status = TicketStatus.Closed, ClosedAt = Morning.AddHours(1) } };
}
