using Microsoft.Bot.Builder;

namespace WeComHelpBot.Tests.Storage;

/// <summary>The reference: the same contract tests must pass on Bot Builder's own MemoryStorage.</summary>
public sealed class MemoryStorageContractTests : StorageContractTests
{
    protected override IStorage Storage { get; } = new MemoryStorage();
}
