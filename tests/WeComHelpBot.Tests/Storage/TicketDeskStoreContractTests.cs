using WeComHelpBot.Desk;

namespace WeComHelpBot.Tests.Storage;

/// <summary><see cref="ITicketDeskStore"/> behaviour, run against LiteDB and PostgreSQL.</summary>
public abstract class TicketDeskStoreContractTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private ITicketDeskStore? store;

    protected ITicketDeskStore Store => store ??= CreateStore();

    protected abstract ITicketDeskStore CreateStore();

    [SkippableFact]
    public async Task Save_ThenFind_KeepsNotesHistoryAndReaders()
    {
        var record = new TicketDeskRecord("T20261125-0001", "webchat", Created)
        {
            Status = DeskStatus.InProgress,
            Assignee = "xiaoli",
            ProtectedAddress = "enc1:地址",
            Notes = [new DeskNote(Created.AddMinutes(1), "xiaoli", "用户说下午再打")],
            History = [new DeskNote(Created, "机器人", "用户转人工，创建工单")],
            AgentMessages = [new DeskNote(Created.AddMinutes(2), "xiaoli", "您好，我来处理")],
            ReadBy = ["xiaoli", "laowang"],
            FirstReplyAt = Created.AddMinutes(2),
            LastUserMessageAt = Created.AddMinutes(3),
        };

        await Store.SaveAsync(record);
        var found = await Store.FindAsync("T20261125-0001");

        Assert.NotNull(found);
        Assert.Equal(DeskStatus.InProgress, found.Status);
        Assert.Equal("xiaoli", found.Assignee);
        Assert.Equal("enc1:地址", found.ProtectedAddress);
        Assert.Equal(record.Notes, found.Notes);
        Assert.Equal(record.History, found.History);
        Assert.Equal(record.AgentMessages, found.AgentMessages);
        Assert.Equal(["xiaoli", "laowang"], found.ReadBy);
        Assert.Equal(Created.AddMinutes(2), found.FirstReplyAt);
        Assert.Equal(Created.AddMinutes(3), found.LastUserMessageAt);
    }

    [SkippableFact]
    public async Task Save_AgainReplacesTheRecord_AndListHasOneRecordPerTicket()
    {
        await Store.SaveAsync(new TicketDeskRecord("T20261125-0001", "webchat", Created));
        await Store.SaveAsync(new TicketDeskRecord("T20261125-0002", "wecom", Created));
        await Store.SaveAsync(new TicketDeskRecord("T20261125-0001", "webchat", Created) { Status = DeskStatus.Resolved });

        var records = await Store.ListAsync();

        Assert.Equal(["T20261125-0001", "T20261125-0002"], records.Select(r => r.Number).Order(StringComparer.Ordinal));
        Assert.Equal(DeskStatus.Resolved, records.Single(r => r.Number == "T20261125-0001").Status);
        Assert.Null(await Store.FindAsync("T20990101-0009"));
    }

    [SkippableFact]
    public async Task Update_StartsFromNothingForANewTicket_ThenFromTheStoredRecord()
    {
        var first = await Store.UpdateAsync("T20261125-0001", current =>
        {
            Assert.Null(current);
            return new TicketDeskRecord("T20261125-0001", "webchat", Created) { Assignee = "xiaoli" };
        });
        var second = await Store.UpdateAsync("T20261125-0001", current => current! with { Status = DeskStatus.InProgress });

        Assert.Equal("xiaoli", first.Assignee);
        Assert.Equal(DeskStatus.InProgress, second.Status);
        var stored = await Store.FindAsync("T20261125-0001");
        Assert.Equal("xiaoli", stored?.Assignee);
        Assert.Equal(DeskStatus.InProgress, stored?.Status);
    }

    [SkippableFact]
    public async Task Update_ManyAtOnce_KeepsEveryChange()
    {
        var store = Store; // made once, before the threads race

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => store.UpdateAsync("T20261125-0001", current =>
            (current ?? new TicketDeskRecord("T20261125-0001", "webchat", Created)) with
            {
                Notes = [.. current?.Notes ?? [], new DeskNote(Created, "xiaoli", $"备注{i}")],
            }))));

        var notes = (await Store.FindAsync("T20261125-0001"))!.Notes;
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"备注{i}").Order(), notes.Select(n => n.Text).Order());
    }
}
