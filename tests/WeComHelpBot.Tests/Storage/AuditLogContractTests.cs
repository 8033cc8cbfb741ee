using WeComHelpBot.Desk;

namespace WeComHelpBot.Tests.Storage;

/// <summary><see cref="IAuditLog"/> behaviour, run against LiteDB and PostgreSQL.</summary>
public abstract class AuditLogContractTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private IAuditLog? store;

    protected IAuditLog Store => store ??= CreateStore();

    protected abstract IAuditLog CreateStore();

    [SkippableFact]
    public async Task List_ReturnsTheNewestEntriesFirst_UpToTheCount()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Store.AppendAsync(new AuditEntry(At.AddMinutes(i), "xiaoli", "reply", $"T20261125-000{i}", $"第{i}条"));
        }

        var newest = await Store.ListAsync(3);

        Assert.Equal(["第5条", "第4条", "第3条"], newest.Select(e => e.Detail));
    }

    [SkippableFact]
    public async Task Append_KeepsEveryField()
    {
        await Store.AppendAsync(new AuditEntry(At, "xiaoli", "sign-in", null, null));
        await Store.AppendAsync(new AuditEntry(At.AddSeconds(1), "老王", "status", "T20261125-0001", "新建 → 处理中"));

        var entries = await Store.ListAsync(10);

        Assert.Equal(2, entries.Count);
        Assert.Equal(new AuditEntry(At.AddSeconds(1), "老王", "status", "T20261125-0001", "新建 → 处理中"), entries[0]);
        Assert.Equal(new AuditEntry(At, "xiaoli", "sign-in", null, null), entries[1]);
    }

    [SkippableFact]
    public async Task List_OfAnEmptyLog_IsEmpty()
    {
        Assert.Empty(await Store.ListAsync(10));
    }
}
