using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using WeComHelpBot.Server.BotFramework;
using WeComHelpBot.Server.Tests.Support;
using WeComHelpBot.Tests.Support;

namespace WeComHelpBot.Server.Tests;

/// <summary>
/// Issue #11, findings 1 and 8: who may post to /api/messages in local mode (loopback, or BotFramework:LocalNetworks),
/// where the server may be made to POST replies (BotFramework:AllowedServiceUrls), and forged tokens when the
/// identity metadata cannot be fetched.
/// </summary>
public sealed class BotMessagesAccessTests
{
    private const string AppId = "00000000-0000-0000-0000-000000000001";

    private static string ActivityJson(string? serviceUrl = null, string? deliveryMode = "expectReplies", string channelId = "emulator") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["id"] = "act-1",
            ["channelId"] = channelId,
            ["serviceUrl"] = serviceUrl,
            ["conversation"] = new { id = "conv-1" },
            ["from"] = new { id = "user-1" },
            ["recipient"] = new { id = "bot-1" },
            ["text"] = "你好",
            ["locale"] = "zh-CN",
            ["deliveryMode"] = deliveryMode,
        }.Where(p => p.Value is not null).ToDictionary());

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static HelpBotServerFactory From(string address) =>
        new HelpBotServerFactory().WithServices(s => s.AddSingleton<IStartupFilter>(new ClientAddressStartupFilter(IPAddress.Parse(address))));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task LocalMode_LoopbackClients_AreServed(string address)
    {
        using var server = From(address);

        var response = await server.CreateClient().PostAsync("/api/messages", Json(ActivityJson()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("192.168.1.20")]
    [InlineData("10.1.2.3")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("fe80::1")]
    public async Task LocalMode_OtherClients_Get403_AndOneLogLine(string address)
    {
        var logs = new CapturingLoggerProvider();
        using var server = From(address).WithServices(s => s.AddSingleton<ILoggerProvider>(logs));

        var response = await server.CreateClient().PostAsync("/api/messages", Json(ActivityJson()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Forbidden", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        var line = Assert.Single(logs.Lines, l => l.Level >= LogLevel.Warning);
        Assert.Contains("BotFramework:LocalNetworks", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(address, line.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.1.2.3", "10.0.0.0/8")]
    [InlineData("::ffff:10.1.2.3", "10.0.0.0/8")]
    [InlineData("192.168.1.20", "192.168.1.20")]
    [InlineData("fd00::5", "fd00::/8")]
    public async Task LocalMode_ClientsInBotFrameworkLocalNetworks_AreServed(string address, string network)
    {
        using var server = From(address).WithSetting("BotFramework:LocalNetworks:0", network);

        var response = await server.CreateClient().PostAsync("/api/messages", Json(ActivityJson()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-For", "127.0.0.1, 203.0.113.7")]
    [InlineData("X-Forwarded-For", "not-an-address")]
    [InlineData("Forwarded", "for=203.0.113.7;proto=https")]
    [InlineData("Forwarded", "for=unknown")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    public async Task LocalMode_RequestsForwardedByAProxyOnLoopback_AreJudgedByTheClientTheyCameFrom(string header, string value)
    {
        using var server = From("127.0.0.1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json(ActivityJson()) };
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await server.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task LocalMode_RequestsForwardedForALoopbackClient_AreServed()
    {
        using var server = From("127.0.0.1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json(ActivityJson()) };
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "127.0.0.1");

        var response = await server.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WithAnAppId_TheNetworkDoesNotMatter_TheTokenDoes()
    {
        using var server = From("203.0.113.7")
            .WithSetting("MicrosoftAppId", AppId)
            .WithSetting("MicrosoftAppPassword", "not-used");

        var response = await server.CreateClient().PostAsync("/api/messages", Json(ActivityJson()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("LocalNetworks", "not-a-network")]
    [InlineData("LocalNetworks", "10.0.0.0/33")]
    [InlineData("LocalNetworks", "10.1.0.0/8")]
    [InlineData("AllowedServiceUrls", "channel.test")]
    [InlineData("AllowedServiceUrls", "ftp://channel.test")]
    [InlineData("AllowedServiceUrls", "https://channel.test/v3/")]
    public void LocalMode_AnUnreadableSetting_IsRefused_NamingIt(string setting, string value)
    {
        var configuration = new ConfigurationBuilder().Build();
        var options = new BotFrameworkOptions();
        (setting == "LocalNetworks" ? options.LocalNetworks : options.AllowedServiceUrls).Add(value);

        var error = Assert.Throws<OptionsValidationException>(() => new LocalModePolicy(configuration, Options.Create(options)));

        Assert.Contains($"BotFramework:{setting}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wecom")]
    [InlineData("WECOM")]
    [InlineData("wecom-kf")]
    [InlineData("We_Com.kf")]
    [InlineData("wecom ")]
    [InlineData("ｗｅｃｏｍ")]
    [InlineData("wecom\u200B")]
    [InlineData("msteams/conversations/x")]
    public async Task ChannelIdsOfOurOwnChannels_OrNotChannelIdsAtAll_Get400(string channelId)
    {
        using var server = new HelpBotServerFactory();

        var response = await server.CreateClient().PostAsync("/api/messages", Json(ActivityJson(channelId: channelId)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("emulator")]
    [InlineData("msteams")]
    [InlineData("directline")]
    [InlineData("webchat")]
    [InlineData("twilio-sms")]
    public async Task BotFrameworkChannels_AreServed(string channelId)
    {
        using var server = new HelpBotServerFactory();

        var response = await server.CreateClient().PostAsync("/api/messages", Json(ActivityJson(channelId: channelId)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://127.0.0.1:2375/")]
    [InlineData("http://localhost:6379/")]
    [InlineData("https://channel.test.evil.example/")]
    [InlineData("http://channel.test/")]
    [InlineData("https://channel.test:8443/")]
    public async Task LocalMode_AServiceUrlOutsideTheAllowedList_Gets400_AndNothingIsSent(string serviceUrl)
    {
        var connector = new RecordingHttpClientFactory();
        using var server = new HelpBotServerFactory()
            .WithSetting("BotFramework:AllowedServiceUrls:0", "https://channel.test")
            .WithServices(s => s.AddSingleton<IHttpClientFactory>(connector));

        var response = await server.CreateClient().PostAsync("/api/messages", Json(ActivityJson(serviceUrl, deliveryMode: null)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("BotFramework:AllowedServiceUrls", error.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task LocalMode_ByDefault_NoServiceUrlIsAllowed()
    {
        var connector = new RecordingHttpClientFactory();
        using var server = new HelpBotServerFactory().WithServices(s => s.AddSingleton<IHttpClientFactory>(connector));

        var response = await server.CreateClient().PostAsync("/api/messages", Json(ActivityJson("http://127.0.0.1:50123/", deliveryMode: null)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(connector.Requests);
    }

    [Theory]
    [InlineData("https://channel.test/")]
    [InlineData("https://CHANNEL.test:443/v3/")]
    public async Task LocalMode_AnAllowedServiceUrl_GetsTheReplies(string serviceUrl)
    {
        var connector = new RecordingHttpClientFactory();
        using var server = new HelpBotServerFactory()
            .WithSetting("BotFramework:AllowedServiceUrls:0", "https://channel.test")
            .WithServices(s => s.AddSingleton<IHttpClientFactory>(connector));

        var response = await server.CreateClient().PostAsync("/api/messages", Json(ActivityJson(serviceUrl, deliveryMode: null)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (uri, _) = Assert.Single(connector.Requests);
        Assert.StartsWith("https://channel.test", uri, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LocalMode_ExpectReplies_WithAnyServiceUrl_AnswersInTheBody_AndSendsNothing()
    {
        var connector = new RecordingHttpClientFactory();
        using var server = new HelpBotServerFactory().WithServices(s => s.AddSingleton<IHttpClientFactory>(connector));

        var response = await server.CreateClient().PostAsync("/api/messages", Json(ActivityJson("http://169.254.169.254/")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(body.RootElement.GetProperty("activities").EnumerateArray());
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task WithAnAppId_AndTheIdentityMetadataUnreachable_AForgedToken_Gets401_WithAShortBody_AndOneLogLine()
    {
        var metadata = $"https://127.0.0.1:{LoopbackPorts.Unused()}/v1/.well-known/openidconfiguration";
        var logs = new CapturingLoggerProvider();
        using var secured = new HelpBotServerFactory()
            .WithSetting("MicrosoftAppId", AppId)
            .WithSetting("MicrosoftAppPassword", "not-used")
            .WithSetting("ToBotFromChannelOpenIdMetadataUrl", metadata)
            .WithSetting("ToBotFromEmulatorOpenIdMetadataUrl", metadata)
            .WithServices(s => s.AddSingleton<ILoggerProvider>(logs));
        var token = ForgedToken();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json(ActivityJson("https://channel.test/", deliveryMode: null)) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);

        var response = await secured.CreateClient().SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(body.Length < 300, body);
        using var error = JsonDocument.Parse(body);
        Assert.Equal("Unauthorized", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        var line = Assert.Single(logs.Lines, l => l.Level >= LogLevel.Warning);
        Assert.Null(line.Exception);
        var signature = token[(token.LastIndexOf('.') + 1)..];
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains(signature, StringComparison.Ordinal) || l.Message.Contains(token[..40], StringComparison.Ordinal));
    }

    /// <summary>
    /// A well-formed JWT as the Emulator's tokens are (Azure AD v1 issuer, appid, ver), signed with a key nobody trusts:
    /// the SDK fetches the identity metadata to check it, and that fetch fails.
    /// </summary>
    private static string ForgedToken()
    {
        using var rsa = RSA.Create(2048);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
            Audience = AppId,
            Subject = new ClaimsIdentity([new Claim("serviceurl", "https://channel.test/"), new Claim("ver", "1.0"), new Claim("appid", AppId)]),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "forged" }, SecurityAlgorithms.RsaSha256),
        };
        return new JwtSecurityTokenHandler().CreateEncodedJwt(descriptor);
    }
}
