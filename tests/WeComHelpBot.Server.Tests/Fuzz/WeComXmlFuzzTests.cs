using System.Net.Http.Headers;
using System.Text;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests.Fuzz;

/// <summary>Generated bad WeCom callbacks (outer envelope and decrypted message): every one gets 200 or 4xx, never 5xx.</summary>
public sealed class WeComXmlFuzzTests(HelpBotServerFactory factory) : IClassFixture<HelpBotServerFactory>
{
    private const string EntityBomb =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>";

    [Theory]
    [InlineData(201)]
    [InlineData(202)]
    [InlineData(203)]
    public async Task GeneratedBadCallbacks_AreAnsweredWithoutServerErrors(int seed)
    {
        var client = factory.CreateClient();
        var random = new Random(seed);
        for (var i = 0; i < 100; i++)
        {
            var (kind, request) = BadRequest(random, i);

            using var response = await client.SendAsync(request);

            var status = (int)response.StatusCode;
            Assert.True(status is 200 or (>= 400 and < 500), $"case {i} ({kind}) was answered {status}");
        }
    }

    private static (string Kind, HttpRequestMessage Request) BadRequest(Random random, int i)
    {
        var inner = WeComRequests.TextXml($"fuzz-user-{i % 5}", $"{MessageId(random)}", "企业微信怎么注册");
        switch (i % 10)
        {
            case 0:
                return ("truncated message", WeComRequests.PostMessage(inner[..random.Next(0, inner.Length)]));
            case 1:
                return ("entity expansion in message", WeComRequests.PostMessage(EntityBomb + inner.Replace("企业微信怎么注册", "&lol4;", StringComparison.Ordinal)));
            case 2:
                return ("bad base64", WeComRequests.Post(Convert.ToBase64String(Encoding.UTF8.GetBytes(inner))[..random.Next(1, 40)] + "*%$"));
            case 3:
                return ("declared GBK", WeComRequests.PostMessage("<?xml version=\"1.0\" encoding=\"GBK\"?>" + inner));
            case 4:
                return ("declared UTF-16", WeComRequests.PostMessage("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + inner));
            case 5:
                return ("random ciphertext", WeComRequests.Post(Convert.ToBase64String(RandomBytes(random, random.Next(1, 600)))));
            case 6:
                return ("broken envelope", Raw(EntityBomb + "<xml><Encrypt>&lol4;</Encrypt>"));
            case 7:
                return ("random envelope bytes", Raw(Encoding.Latin1.GetString(RandomBytes(random, random.Next(1, 800)))));
            case 8:
                return ("mangled tags", WeComRequests.PostMessage(inner.Replace("</Content>", random.Next(2) == 0 ? "" : "</Contnet>", StringComparison.Ordinal)));
            default:
                return ("huge content", WeComRequests.PostMessage(inner.Replace("企业微信怎么注册", new string('长', random.Next(1_000, 20_000)), StringComparison.Ordinal)));
        }
    }

    private static long MessageId(Random random) => random.NextInt64(1, long.MaxValue);

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static HttpRequestMessage Raw(string body)
    {
        var timestamp = WeComRequests.Now().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new HttpRequestMessage(HttpMethod.Post, $"/wecom/callback?msg_signature=0000&timestamp={timestamp}&nonce=1")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("text/xml")),
        };
    }
}
