using WeComHelpBot.Storage;

namespace WeComHelpBot.Tests.Storage;

/// <summary>
/// One folder per backend (STYLE.md, "Stores behind seams"): the LiteDB code under Storage/LiteDb, the PostgreSQL code
/// under Storage/Postgres, and only provider-neutral types at the root, so a backend is read, changed or replaced in
/// one place.
/// </summary>
public sealed class StorageLayoutTests
{
    private static readonly string[] LiteDbOnly = ["ReadOnlyOverlayStream"];

    [Fact]
    public void BackendSpecificTypes_AreNotAtTheStorageRoot()
    {
        var misplaced = typeof(StorageOptions).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(StorageOptions).Namespace && !t.IsNested && !t.Name.StartsWith('<'))
            .Where(t => t.Name.StartsWith("Lite", StringComparison.Ordinal) || t.Name.StartsWith("Postgres", StringComparison.Ordinal) || LiteDbOnly.Contains(t.Name))
            .Select(t => t.Name)
            .ToList();

        Assert.Empty(misplaced);
    }

    [Theory]
    [InlineData("LiteDatabaseProvider")]
    [InlineData("LiteDbStorage")]
    [InlineData("LiteDbWriteQueue")]
    [InlineData("LiteCollectionExtensions")]
    [InlineData("LiteDatabaseTransactions")]
    [InlineData("LiteDbFileCheck")]
    [InlineData("LiteDbPageCheck")]
    [InlineData("ReadOnlyOverlayStream")]
    public void LiteDbType_LivesInStorageLiteDb(string name)
    {
        var type = typeof(StorageOptions).Assembly.GetTypes().Single(t => t.Name == name && !t.IsNested);

        Assert.Equal("WeComHelpBot.Storage.LiteDb", type.Namespace);
    }
}
