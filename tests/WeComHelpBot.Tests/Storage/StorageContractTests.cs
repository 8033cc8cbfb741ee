using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace WeComHelpBot.Tests.Storage;

/// <summary>
/// Bot Builder IStorage behaviour, run against every storage we ship and against MemoryStorage as the reference.
/// Skippable: the PostgreSQL run skips where no test database is configured (see <see cref="PostgresTestDatabase"/>).
/// </summary>
public abstract class StorageContractTests
{
    protected abstract IStorage Storage { get; }

    [SkippableFact]
    public async Task WriteThenRead_ReturnsEveryKeyWritten()
    {
        await Storage.WriteAsync(new Dictionary<string, object>
        {
            ["a"] = new CounterItem { Count = 1, Note = "第一" },
            ["b"] = new CounterItem { Count = 2 },
        });

        var items = await Storage.ReadAsync(["a", "b"]);

        Assert.Equal(1, Assert.IsType<CounterItem>(items["a"]).Count);
        Assert.Equal("第一", ((CounterItem)items["a"]).Note);
        Assert.Equal(2, Assert.IsType<CounterItem>(items["b"]).Count);
    }

    [SkippableFact]
    public async Task Read_LeavesOutKeysThatWereNeverWritten()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["there"] = new CounterItem() });

        var items = await Storage.ReadAsync(["there", "missing"]);

        Assert.Equal(["there"], items.Keys);
    }

    [SkippableFact]
    public async Task Delete_RemovesOnlyTheGivenKeys_AndIgnoresMissingOnes()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["x"] = new CounterItem(), ["y"] = new CounterItem() });

        await Storage.DeleteAsync(["x", "never-there"]);

        var items = await Storage.ReadAsync(["x", "y"]);
        Assert.Equal(["y"], items.Keys);
    }

    [SkippableFact]
    public async Task Write_GivesAStoreItemANewETagEachTime()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new CounterItem { Count = 1 } });
        var first = (CounterItem)(await Storage.ReadAsync(["k"]))["k"];

        first.Count = 2;
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = first });
        var second = (CounterItem)(await Storage.ReadAsync(["k"]))["k"];

        Assert.False(string.IsNullOrEmpty(first.ETag));
        Assert.False(string.IsNullOrEmpty(second.ETag));
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(2, second.Count);
    }

    [SkippableFact]
    public async Task Write_WithStaleETag_ThrowsAndKeepsTheNewerValue()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new CounterItem { Count = 1 } });
        var mine = (CounterItem)(await Storage.ReadAsync(["k"]))["k"];
        var theirs = (CounterItem)(await Storage.ReadAsync(["k"]))["k"];
        theirs.Count = 10;
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = theirs });

        mine.Count = 5;
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Storage.WriteAsync(new Dictionary<string, object> { ["k"] = mine }));

        Assert.Equal(10, ((CounterItem)(await Storage.ReadAsync(["k"]))["k"]).Count);
    }

    [SkippableFact]
    public async Task Write_WithWildcardETag_Overwrites()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new CounterItem { Count = 1 } });
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new CounterItem { Count = 2, ETag = "*" } });

        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new CounterItem { Count = 3, ETag = "*" } });

        Assert.Equal(3, ((CounterItem)(await Storage.ReadAsync(["k"]))["k"]).Count);
    }

    [SkippableFact]
    public async Task Write_OfANewKeyWithAnETag_Succeeds()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["fresh"] = new CounterItem { Count = 7, ETag = "from-elsewhere" } });

        Assert.Equal(7, ((CounterItem)(await Storage.ReadAsync(["fresh"]))["fresh"]).Count);
    }

    [SkippableFact]
    public async Task Write_KeepsNestedStateTypes_LikeBotStateDoes()
    {
        var state = new Dictionary<string, object>
        {
            ["flow"] = new CounterItem { Count = 3, Note = "对公打款" },
            ["answers"] = new Dictionary<string, string> { ["company"] = "某某科技有限公司" },
        };

        await Storage.WriteAsync(new Dictionary<string, object> { ["conv/1"] = state });
        var read = Assert.IsAssignableFrom<IDictionary<string, object>>((await Storage.ReadAsync(["conv/1"]))["conv/1"]);

        Assert.Equal("对公打款", Assert.IsType<CounterItem>(read["flow"]).Note);
        Assert.Equal("某某科技有限公司", Assert.IsType<Dictionary<string, string>>(read["answers"])["company"]);
    }

    [SkippableFact]
    public async Task JObject_RoundTripsItsProperties()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["j"] = new JObject { ["name"] = "张三", ["n"] = 3 } });

        var read = Assert.IsType<JObject>((await Storage.ReadAsync(["j"]))["j"]);

        Assert.Equal("张三", read.Value<string>("name"));
        Assert.Equal(3, read.Value<int>("n"));
    }

    [SkippableFact]
    public async Task NullArguments_AreRejected()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Storage.ReadAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Storage.WriteAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Storage.DeleteAsync(null!));
    }

    [SkippableFact]
    public async Task ConversationState_SavedAndLoaded_ThroughTheStorage()
    {
        var state = new ConversationState(Storage);
        var accessor = state.CreateProperty<CounterItem>("progress");
        var adapter = new Microsoft.Bot.Builder.Adapters.TestAdapter();
        var activity = MessageFactory.Text("hi");
        activity.ChannelId = "test";
        activity.Conversation = new Microsoft.Bot.Schema.ConversationAccount { Id = "conv-state" };

        using (var turn = new TurnContext(adapter, activity))
        {
            var progress = await accessor.GetAsync(turn, () => new CounterItem());
            progress.Count = 42;
            await state.SaveChangesAsync(turn);
        }

        var reloaded = new ConversationState(Storage).CreateProperty<CounterItem>("progress");
        using var second = new TurnContext(adapter, activity);
        var again = await reloaded.GetAsync(second, () => new CounterItem());
        Assert.Equal(42, again.Count);
    }
}
