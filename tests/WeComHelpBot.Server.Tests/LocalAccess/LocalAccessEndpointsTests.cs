using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.LocalAccess;
using WeComHelpBot.Server.LocalAccess;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests.LocalAccess;

public sealed class LocalAccessEndpointsTests : IDisposable
{
    private readonly HelpBotServerFactory factory =
        new HelpBotServerFactory().WithServices(s => s.AddSingleton<IStartupFilter>(new ClientAddressStartupFilter(IPAddress.Loopback)));

    public void Dispose() => factory.Dispose();

    private string Token => factory.Services.GetRequiredService<LocalAccessEndpoints>().Token;

    [Fact]
    public async Task RightToken_FromLoopback_AnswersWithTheHeldDatabase()
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, LocalSupportApi.Info);
        request.Headers.Add(LocalAccessToken.HeaderName, Token);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Path.Combine(factory.DataDirectory, "wecomhelpbot.db"), body.RootElement.GetProperty("databaseFile").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task MissingOrWrongToken_Is401(string? token)
    {
        _ = Token;
        var client = factory.CreateClient();
        foreach (var path in new[] { LocalSupportApi.Info, LocalSupportApi.Tickets, LocalSupportApi.Events })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (token is not null)
            {
                request.Headers.Add(LocalAccessToken.HeaderName, token);
            }

            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task TokenWithOneCharacterChanged_Is401()
    {
        var token = Token;
        var wrong = (token[0] == 'a' ? 'b' : 'a') + token[1..];
        using var request = new HttpRequestMessage(HttpMethod.Post, LocalSupportApi.Tickets + "/T20261201-0001/close");
        request.Headers.Add(LocalAccessToken.HeaderName, wrong);

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.9")]
    [InlineData("10.0.0.5")]
    [InlineData("::ffff:192.168.1.20")]
    [InlineData("2001:db8::1")]
    public async Task FromANonLoopbackAddress_Is404_EvenWithTheRightToken(string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, LocalSupportApi.Tickets);
        request.Headers.Add(LocalAccessToken.HeaderName, Token);
        request.Headers.Add(ClientAddressStartupFilter.Header, address);

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.9")]
    [InlineData("127.0.0.1")]
    public async Task ThroughTheLoopbackReverseProxy_Is404_EvenWithTheRightToken(string forwardedFor)
    {
        // nginx on this machine connects from loopback and names the real client in X-Forwarded-For: such a request
        // came from the network, whatever address it names.
        using var request = new HttpRequestMessage(HttpMethod.Get, LocalSupportApi.Tickets);
        request.Headers.Add(LocalAccessToken.HeaderName, Token);
        request.Headers.Add("X-Forwarded-For", forwardedFor);

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UnknownTicket_Is404_AndBadStatusIs400()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(LocalAccessToken.HeaderName, Token);

        using var show = await client.GetAsync(LocalSupportApi.Tickets + "/T20990101-0009");
        using var close = await client.PostAsync(LocalSupportApi.Tickets + "/T20990101-0009/close", content: null);
        using var badStatus = await client.GetAsync(LocalSupportApi.Tickets + "?status=gone");
        using var badTime = await client.GetAsync(LocalSupportApi.Events + "?from=yesterday");

        Assert.Equal(HttpStatusCode.NotFound, show.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, close.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:3978", "http://127.0.0.1:3978")]
    [InlineData("http://[::]:3978", "http://[::1]:3978")]
    [InlineData("http://+:80", "http://127.0.0.1:80")]
    [InlineData("http://localhost:5000", "http://127.0.0.1:5000")]
    [InlineData("http://127.0.0.1:41234", "http://127.0.0.1:41234")]
    [InlineData("http://192.168.1.10:3978", null)]
    [InlineData("https://0.0.0.0:443", null)]
    public void LoopbackUrl_ReachesAListeningAddressFromThisMachineOnly(string address, string? expected)
    {
        Assert.Equal(expected, LocalServerAnnouncer.LoopbackUrl([address]));
    }
}
