using Microsoft.Bot.Builder;

namespace WeComHelpBot.Tests.Storage;

public sealed class CounterItem : IStoreItem
{
    public string? ETag { get; set; }

    public int Count { get; set; }

    public string? Note { get; set; }
}
