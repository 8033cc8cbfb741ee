using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeComHelpBot.Server.DirectLine;

namespace WeComHelpBot.Server.Tests.DirectLine;

public sealed class DirectLineOptionsTests
{
    [Fact]
    public void Defaults_AreValid_AndGiveWebChatTimeToRefresh()
    {
        var options = Resolve([]);

        Assert.Equal(TimeSpan.FromMinutes(30), options.TokenLifetime);
        Assert.True(options.TokenLifetime > DirectLineOptions.WebChatRefreshInterval + options.RefreshGracePeriod);
    }

    [Theory]
    [InlineData("DirectLine:TokenLifetime", "00:15:00")]
    [InlineData("DirectLine:RefreshGracePeriod", "01:00:00")]
    [InlineData("DirectLine:MaxConversationsPerClient", "0")]
    [InlineData("DirectLine:CreatesPerMinutePerClient", "0")]
    [InlineData("DirectLine:PostBurstPerConversation", "-1")]
    public void UnworkableSettings_AreRefused(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));
        Assert.Contains("DirectLine:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_AreReadFromTheDirectLineSection() =>
        Assert.Equal(500, Resolve(new() { ["DirectLine:CreatesPerMinutePerClient"] = "500" }).CreatesPerMinutePerClient);

    private static DirectLineOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddDirectLine(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<DirectLineOptions>>().Value;
    }
}
