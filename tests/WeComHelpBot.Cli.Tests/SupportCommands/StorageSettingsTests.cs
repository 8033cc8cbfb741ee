using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeComHelpBot.Storage;

namespace WeComHelpBot.Cli.Tests.SupportCommands;

/// <summary>The commands take the server's storage settings from the environment (CONTRACTS.md, "Deployment and scale-out").</summary>
public sealed class StorageSettingsTests
{
    private static StorageOptions Configure(Dictionary<string, string> environment)
    {
        var services = new ServiceCollection();
        services.AddOptions<StorageOptions>();
        CommonOptions.ConfigureStorage(services, name => environment.GetValueOrDefault(name));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<StorageOptions>>().Value;
    }

    [Fact]
    public void PostgresProviderAndConnectionString_AreReadFromTheEnvironment()
    {
        var options = Configure(new()
        {
            ["Storage__Provider"] = "postgres",
            ["Storage__ConnectionString"] = "Host=db;Database=wecomhelp",
        });

        Assert.Equal(StorageProvider.Postgres, options.Provider);
        Assert.Equal("Host=db;Database=wecomhelp", options.ConnectionString);
    }

    [Fact]
    public void WithoutSettings_TheEmbeddedLiteDbIsUsed()
    {
        var options = Configure([]);

        Assert.Equal(StorageProvider.LiteDb, options.Provider);
        Assert.Null(options.ConnectionString);
    }

    [Theory]
    [InlineData("postgre")]
    [InlineData("Postgress")]
    [InlineData("7")]
    public void UnknownProvider_IsRefusedWithTheAllowedValues_NotTakenForLiteDb(string value)
    {
        var error = Assert.Throws<StorageSettingsException>(() => Configure(new() { ["Storage__Provider"] = value }));

        Assert.Contains("Storage:Provider", error.Message);
        Assert.Contains("LiteDb、Postgres", error.Message);
    }
}
