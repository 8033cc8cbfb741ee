using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests;

/// <summary>The official vectors through the real endpoint, with the server's clock set to when they were made.</summary>
public sealed class WeComOfficialVectorEndpointTests
{
    [Fact]
    public async Task Get_OfficialVectorB_AnswersItsEchoPlaintext()
    {
        using var factory = VectorServer(1476416373);

        var response = await factory.CreateClient().GetAsync(
            "/wecom/callback?msg_signature=012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb&timestamp=1476416373&nonce=47744683&echostr=" +
            Uri.EscapeDataString("fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA=="));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1288432023552776189", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_OfficialVectorB_IsAnsweredToChenJiaShun()
    {
        using var factory = VectorServer(1476422779);
        const string encrypt = "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";

        var response = await factory.CreateClient().SendAsync(
            WeComRequests.Post(encrypt, timestamp: "1476422779", nonce: "1597212914", signature: "0c3914025cb4b4d68103f6bfc8db550f79dcf48e"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = WeComRequests.DecryptReply(await response.Content.ReadAsStringAsync());
        Assert.Equal("ChenJiaShun", reply.ToUserName);
        Assert.False(string.IsNullOrWhiteSpace(reply.Content));
    }

    private static HelpBotServerFactory VectorServer(long unixSeconds) => new HelpBotServerFactory()
        .WithServices(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));
}
