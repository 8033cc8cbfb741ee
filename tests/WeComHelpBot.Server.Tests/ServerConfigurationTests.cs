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
