using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Bot;
using WeComHelpBot.Desk;
using WeComHelpBot.Storage;
using WeComHelpBot.Storage.Postgres;
using WeComHelpBot.Support;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Tests.Storage;

/// <summary>
/// Two "processes" (service providers with a data folder and a connection pool each) on one PostgreSQL schema: tickets
/// and console accounts made by one are seen, changed and used by the other, and numbering never collides.
/// </summary>
public sealed class PostgresSharedSupportStoresTests : IAsyncLifetime
{
    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8)));
    private readonly List<ServiceProvider> processes = [];
    private PostgresTestDatabase? database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        folder.Dispose();
    }

    [SkippableFact]
    public async Task TwoProcessesCreatingTicketsAtOnce_GetDistinctConsecutiveNumbers()
    {
        database = PostgresTestDatabase.Create();
        await using var other = new PostgresDatabase(database.ConnectionString, NullLogger<PostgresDatabase>.Instance);
        var stores = new ITicketStore[] { new PostgresTicketStore(database.Database), new PostgresTicketStore(other) };

        var created = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            stores[i % 2].CreateAsync("20261125", number => Sample(number)))));

        Assert.Equal(
            Enumerable.Range(1, 30).Select(n => $"T20261125-{n:0000}"),
            created.Select(t => t.Ticket.Number).Order(StringComparer.Ordinal));
        Assert.Equal(30, (await stores[1].ListAsync()).Count);
    }

    [SkippableFact]
    public async Task ATicketFiledByOneProcess_IsReadAndClosedByTheOther()
    {
        database = PostgresTestDatabase.Create();
        var first = Start("a");
        var ticket = await first.GetRequiredService<TicketService>().CreateAsync(
            new TicketRequest("c-shared", "138 1234 5678", "福州某某商行", "对公打款验证超时", "打款三天了还没到账"));
        var second = Start("b", keyFrom: "a");

        var seen = await second.GetRequiredService<TicketService>().GetAsync(ticket.Number.ToLowerInvariant());
        var closed = await second.GetRequiredService<TicketService>().CloseAsync(ticket.Number);

        Assert.NotNull(seen);
        Assert.Equal("T20261125-0001", seen.Number);
        Assert.Equal("13812345678", seen.ContactPhone);
        Assert.Equal("福州某某商行", seen.CompanyName);
        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.Equal(TicketStatus.Closed, (await first.GetRequiredService<TicketService>().GetAsync(ticket.Number))!.Status);
        Assert.Empty(await first.GetRequiredService<TicketService>().ListAsync(TicketStatus.Open));
        Assert.Equal("T20261125-0002", (await second.GetRequiredService<TicketService>().CreateAsync(
            new TicketRequest("c-other", "13912345678", "厦门鹭岛科技有限公司", "其他", "要开票"))).Number);
    }

    [SkippableFact]
    public async Task AProcessWithAContactKeyOfItsOwn_IsRefused_AndWritesNoTicket()
    {
        database = PostgresTestDatabase.Create();
        var first = Start("a");
        await first.GetRequiredService<TicketService>().CreateAsync(
            new TicketRequest("c-1", "13812345678", "福州某某商行", "其他", "要开票"));
        var second = Start("b"); // its key file was not copied from a/: it makes one of its own

        var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() => second.GetRequiredService<TicketService>().CreateAsync(
            new TicketRequest("c-2", "13912345678", "厦门鹭岛科技有限公司", "其他", "要开票")));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => second.GetRequiredService<TicketService>().ListAsync());

        Assert.Contains("ticket-contact.key", refused.Message);
        Assert.Contains(Path.Combine(folder.Path, "b"), refused.Message);
        Assert.Single(await first.GetRequiredService<TicketService>().ListAsync());
    }

    [SkippableFact]
    public async Task AConsoleAccountAddedByOneProcess_SignsInOnTheOther_AndItsDisablingCountsThereToo()
    {
        var (first, second) = StartTwo<DeskAccounts>();
        await first.AddAsync("XiaoLi", DeskRole.Lead, "zhenmima123");

        var (outcome, account) = await second.SignInAsync("xiaoli", "zhenmima123");
        var (wrong, _) = await second.SignInAsync("xiaoli", "cuomima123");
        Assert.True(await second.DisableAsync("XIAOLI"));
        var (afterDisable, _) = await first.SignInAsync("XiaoLi", "zhenmima123");

        Assert.Equal(SignInOutcome.Succeeded, outcome);
        Assert.Equal(DeskRole.Lead, account!.Role);
        Assert.Equal(SignInOutcome.Failed, wrong);
        Assert.Equal(SignInOutcome.Disabled, afterDisable);
    }

    [SkippableFact]
    public async Task WrongPasswordsOnTwoProcesses_AddUpToTheLockout()
    {
        var (first, second) = StartTwo<DeskAccounts>();
        await first.AddAsync("xiaoli", DeskRole.Agent, "zhenmima123");

        // Five wrong passwords (the default limit), tried on both servers at once.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Task.Run(async () =>
            (await (i % 2 == 0 ? first : second).SignInAsync("xiaoli", "cuomima123")).Outcome)));
        var (right, _) = await second.SignInAsync("xiaoli", "zhenmima123");

        Assert.Contains(SignInOutcome.LockedOut, outcomes);
        Assert.Equal(SignInOutcome.LockedOut, right);
    }

    [SkippableFact]
    public async Task AHoldTakenOnOneProcess_IsSeenByTheOther_UntilReleased()
    {
        var (first, second) = StartTwo<IHandoverHoldStore>();
        Assert.Null(await second.FindAsync("webchat:c1"));

        await first.SaveAsync(new HandoverHold("webchat:c1", "T20261125-0001", "xiaoli", time.GetUtcNow()));
        Assert.Equal("xiaoli", (await second.FindAsync("webchat:c1"))?.Agent);

        await first.RemoveAsync("webchat:c1");
        Assert.Null(await second.FindAsync("webchat:c1"));
    }

    [SkippableFact]
    public async Task TwoProcessesChangingOneDeskRecordAtOnce_BothKeepTheirChanges()
    {
        database = PostgresTestDatabase.Create();
        await using var other = new PostgresDatabase(database.ConnectionString, NullLogger<PostgresDatabase>.Instance);
        var stores = new ITicketDeskStore[] { new PostgresTicketDeskStore(database.Database), new PostgresTicketDeskStore(other) };

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => stores[i % 2].UpdateAsync("T20261125-0001", current =>
            (current ?? new TicketDeskRecord("T20261125-0001", "webchat", time.GetUtcNow())) with
            {
                Notes = [.. current?.Notes ?? [], new DeskNote(time.GetUtcNow(), i % 2 == 0 ? "xiaoli" : "laowang", $"备注{i}")],
            }))));

        Assert.Equal(20, (await stores[0].FindAsync("T20261125-0001"))!.Notes.Count);
    }

    private static StoredTicket Sample(string number) =>
        new(new Ticket(number, DateTimeOffset.UnixEpoch, TicketStatus.Open, "c", "138****5678", "公司", "其他", "说明", new Dictionary<string, string>(), [], "尽快回电"), "enc1:x");

    /// <summary>Makes the schema and two processes on it, "a" and "b", and gives each one's <typeparamref name="T"/>.</summary>
    private (T First, T Second) StartTwo<T>()
        where T : notnull
    {
        database = PostgresTestDatabase.Create();
        return (Start("a").GetRequiredService<T>(), Start("b").GetRequiredService<T>());
    }

    /// <summary>
    /// A "process" with its own data folder on the shared database. With <paramref name="keyFrom"/> it gets a copy of
    /// that process's contact key, as every server sharing a database must (README, PostgreSQL).
    /// </summary>
    private ServiceProvider Start(string name, string? keyFrom = null)
    {
        var paths = new BotPaths { DataDirectory = Directory.CreateDirectory(folder.File(name)).FullName };
        if (keyFrom is not null)
        {
            File.Copy(folder.File(Path.Combine(keyFrom, "ticket-contact.key")), Path.Combine(paths.DataDirectory, "ticket-contact.key"));
        }

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddPostgresSupport(paths, database!.ConnectionString);
        var provider = services.BuildServiceProvider();
        processes.Add(provider);
        return provider;
    }
}
