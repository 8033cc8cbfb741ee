using WeComHelpBot.Tests.Storage;

namespace WeComHelpBot.Cli.Tests.SupportCommands;

/// <summary>
/// Every command that reads the database stops on a damaged file with one line naming it and exit code 2, and leaves
/// the file (and its folder) byte for byte as it was. The file is a real one with tickets, damaged each way.
/// </summary>
public sealed class DamagedDatabaseCommandTests : IDisposable
{
    private static readonly Lazy<Task<(byte[] Database, byte[] Key)>> Pristine = new(MakePristineAsync);

    private readonly CliRun cli = new();

    public void Dispose() => cli.Dispose();

    public static TheoryData<string, string> SupportCommandsOnEveryDamage()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in DatabaseDamage.Kinds)
        {
            data.Add("tickets list", kind);
        }

        foreach (var kind in new[] { "header-collection-name", "truncated-at-page", "truncated-off-page", "data-page-slots", "zero-length", "not-litedb" })
        {
            data.Add("tickets export --format json", kind);
            data.Add("stats", kind);
            data.Add("tickets show T20990101-0001", kind);
            data.Add("kb gaps", kind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SupportCommandsOnEveryDamage))]
    public async Task DamagedDatabase_StopsTheCommand_WithOneLine_AndLeavesTheFile(string command, string kind)
    {
        await PrepareAsync(kind);
        var before = DatabaseDamage.Fingerprint(cli.DataDirectory);

        var result = await cli.RunAsync(command.Split(' '));

        AssertRefused(result);
        Assert.Equal(before, DatabaseDamage.Fingerprint(cli.DataDirectory));
    }

    [Theory]
    [InlineData("header-collection-name")]
    [InlineData("truncated-at-page")]
    [InlineData("zero-length")]
    public async Task DamagedDatabase_StopsChat_BeforeAnyReply(string kind)
    {
        await PrepareAsync(kind);
        var before = DatabaseDamage.Fingerprint(cli.DataDirectory);

        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(["chat", "--jsonl", "--data", cli.DataDirectory], output, error, new StringReader("你好\n转人工\n"));

        AssertRefused((code, output.ToString(), error.ToString()));
        Assert.Empty(output.ToString());
        Assert.Equal(before, DatabaseDamage.Fingerprint(cli.DataDirectory));
    }

    [Fact]
    public async Task SoundDatabase_ListsItsTickets()
    {
        await PrepareAsync(kind: null);

        var result = await cli.RunAsync("tickets", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(30, result.Output.Split('\n').Count(line => line.Contains("某某科技有限公司", StringComparison.Ordinal)));
    }

    private void AssertRefused((int ExitCode, string Output, string Error) result)
    {
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Path.GetFullPath(cli.DatabaseFile), line);
        Assert.DoesNotContain("   at ", result.Error);
    }

    private async Task PrepareAsync(string? kind)
    {
        Directory.CreateDirectory(cli.DataDirectory);
        var (database, key) = await Pristine.Value;
        await File.WriteAllBytesAsync(cli.DatabaseFile, database);
        await File.WriteAllBytesAsync(Path.Combine(cli.DataDirectory, "ticket-contact.key"), key);
        if (kind is not null)
        {
            DatabaseDamage.Apply(cli.DatabaseFile, kind);
        }
    }

    private static async Task<(byte[] Database, byte[] Key)> MakePristineAsync()
    {
        var folder = Directory.CreateTempSubdirectory("wecomhelp-pristine-").FullName;
        try
        {
            var database = await File.ReadAllBytesAsync(await DatabaseDamage.MakeAsync(folder));
            return (database, await File.ReadAllBytesAsync(Path.Combine(folder, "ticket-contact.key")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
