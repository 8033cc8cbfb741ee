using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Storage;
using WeComHelpBot.Support;
using WeComHelpBot.Tickets;
using WeComHelpBot.Tests.Channels;

namespace WeComHelpBot.Tests.Storage;

/// <summary>On Unix the data folder is the owner's alone: created 0700 with files 0600, and loose ones tightened at start.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFolderPermissionsTests : IDisposable
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode WorldReadable = Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task ANewDataFolder_Is0700_AndItsFiles0600_KeyFileToo()
    {
        var data = Path.Combine(temp.Path, "data");

        await using (var provider = Build(data))
        {
            await provider.GetRequiredService<TicketService>().CreateAsync(new TicketRequest("c", "13812345678", "公司", "问题", "说明"));
        }

        Assert.Equal(Folder, File.GetUnixFileMode(data));
        Assert.All(Directory.EnumerateFiles(data), file => Assert.Equal(Private, File.GetUnixFileMode(file)));
        Assert.Contains(Path.Combine(data, "ticket-contact.key"), Directory.EnumerateFiles(data));
    }

    [Fact]
    public async Task AnExistingWorldReadableFolder_IsTightenedAtStart_WithALogLine()
    {
        var data = Path.Combine(temp.Path, "data");
        await using (var provider = Build(data))
        {
            provider.GetRequiredService<Microsoft.Bot.Builder.IStorage>();
        }

        File.SetUnixFileMode(data, Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var file = Path.Combine(data, "wecomhelpbot.db");
        File.SetUnixFileMode(file, WorldReadable);
        var logger = new CapturingLogger<LiteDatabaseProvider>();

        using (var provider = new LiteDatabaseProvider(logger: logger))
        {
            provider.GetDatabase(file);
        }

        Assert.Equal(Folder, File.GetUnixFileMode(data));
        Assert.Equal(Private, File.GetUnixFileMode(file));
        Assert.Contains(logger.Lines, line => line.Contains("0700", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, line => line.Contains("wecomhelpbot.db", StringComparison.Ordinal) && line.Contains("0600", StringComparison.Ordinal));
    }

    [Fact]
    public void AFolderWithOtherPeoplesFiles_KeepsItsMode_OnlyOurFilesAreTightened()
    {
        var shared = temp.Path;
        File.SetUnixFileMode(shared, Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.WriteAllText(Path.Combine(shared, "notes.txt"), "not the bot's");
        File.SetUnixFileMode(Path.Combine(shared, "notes.txt"), WorldReadable);
        var logger = new CapturingLogger<LiteDatabaseProvider>();

        using (var provider = new LiteDatabaseProvider(logger: logger))
        {
            provider.GetDatabase(Path.Combine(shared, "wecomhelpbot.db"));
        }

        Assert.NotEqual(Folder, File.GetUnixFileMode(shared));
        Assert.Equal(WorldReadable, File.GetUnixFileMode(Path.Combine(shared, "notes.txt")));
        Assert.Equal(Private, File.GetUnixFileMode(Path.Combine(shared, "wecomhelpbot.db")));
        Assert.Contains(logger.Lines, line => line.Contains("left as it is", StringComparison.Ordinal));
    }

    private static ServiceProvider Build(string data)
    {
        var paths = new BotPaths { DataDirectory = data };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotStorage(paths);
        services.AddSupport(paths);
        return services.BuildServiceProvider();
    }
}
