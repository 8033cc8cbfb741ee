using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests;

public sealed class ServerConfigurationTests
{
    [Fact]
    public void StorageDirectory_FromConfiguration_BecomesTheBotsDataDirectory()
    {
        using var factory = new HelpBotServerFactory();

        Assert.Equal(factory.DataDirectory, factory.Services.GetRequiredService<BotPaths>().DataDirectory);
    }

    [Fact]
    public void ReadBotPaths_ResolvesARelativeStorageDirectoryAgainstTheCheckout_AndKeepsContentFolders()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Directory"] = "data",
            ["Knowledge:Directory"] = "/srv/kb",
            ["Dialogs:Directory"] = "/srv/flows",
        }).Build();

        var paths = ServerConfiguration.ReadBotPaths(configuration);

        Assert.True(Path.IsPathRooted(paths.DataDirectory));
        Assert.Equal("data", Path.GetFileName(paths.DataDirectory));
        Assert.Equal("/srv/kb", paths.KnowledgeDirectory);
        Assert.Equal("/srv/flows", paths.DialogsDirectory);
    }

    [Fact]
    public void ReadBotPaths_ResolvesRelativeFoldersAgainstTheContentRoot_NotTheWorkingDirectory()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Directory"] = "var/db",
            ["Knowledge:Directory"] = "kb",
            ["Dialogs:Directory"] = "flows",
        }).Build();

        // The test runner's working directory is its bin/ folder, so a path made from it would differ.
        var paths = ServerConfiguration.ReadBotPaths(configuration);

        Assert.NotEqual(RepositoryPaths.Root, Directory.GetCurrentDirectory().TrimEnd('/'));
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "var", "db"), paths.DataDirectory);
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "kb"), paths.KnowledgeDirectory);
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "flows"), paths.DialogsDirectory);
    }

    [Fact]
    public void BotPaths_Defaults_AreTheCheckoutsFolders_InTheSourceTree()
    {
        var paths = new BotPaths();

        Assert.True(ContentLocator.InSourceTree);
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "knowledge"), paths.KnowledgeDirectory);
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "dialogs"), paths.DialogsDirectory);
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "data"), paths.DataDirectory);
    }

    [Fact]
    public void AppSettings_ListenOnPort3978_ByDefault()
    {
        var appsettings = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "WeComHelpBot.Server", "appsettings.json"));
        var launch = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "WeComHelpBot.Server", "Properties", "launchSettings.json"));

        Assert.Contains("http://localhost:3978", appsettings, StringComparison.Ordinal);
        Assert.Contains("http://localhost:3978", launch, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedEncodingAesKey_StopsTheServerAtStartup_WithAClearMessage()
    {
        using var factory = new HelpBotServerFactory().WithSetting("WeCom:EncodingAESKey", "too-short");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("WeCom:EncodingAESKey", error.ToString(), StringComparison.Ordinal);
    }
}
