using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Channels.WeCom;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests;

/// <summary>
/// Our WeCom crypto against WeCom's own package (@wecom/crypto from npm), in both directions, directly and through
/// the real endpoint. Skipped by hand when the npm package is not installed; fails under CI=true.
/// </summary>
public sealed class WeComInteropTests(ProbeServer server) : IClassFixture<ProbeServer>
{
    private const string VectorAKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string VectorAEncrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

    [SkippableFact]
    public async Task OfficialVectorA_ReEncryptedByUsWithItsRandom_IsByteIdentical()
    {
        WeComCryptoPeer.RequireInstalled();
        var (message, id, random) = await WeComCryptoPeer.DecryptAsync(VectorAKey, VectorAEncrypt);

        var ours = new WeComCrypto("QDG6eK", VectorAKey, "wx5823bf96d3bd56c7");

        Assert.Equal("wx5823bf96d3bd56c7", id);
        Assert.Equal(message, ours.DecryptForReceiver(VectorAEncrypt));
        Assert.Equal(VectorAEncrypt, ours.Encrypt(message, random));
    }

    [SkippableTheory]
    [InlineData("hello")]
    [InlineData("个体户最多能加几个人？😀")]
    [InlineData("")]
    public async Task PeerEncrypts_WeDecrypt_AndWeEncrypt_PeerDecrypts(string message)
    {
        WeComCryptoPeer.RequireInstalled();
        var random = Enumerable.Range(100, 16).Select(i => (byte)i).ToArray();

        var theirs = await WeComCryptoPeer.EncryptAsync(HelpBotServerFactory.EncodingAesKey, message, HelpBotServerFactory.CorpId, random);
        var ours = WeComRequests.Crypto.Encrypt(message, random);
        var decryptedByPeer = await WeComCryptoPeer.DecryptAsync(HelpBotServerFactory.EncodingAesKey, WeComRequests.Crypto.Encrypt(message));

        Assert.Equal(theirs, ours);
        Assert.Equal(message, WeComRequests.Crypto.DecryptForReceiver(theirs));
        Assert.Equal(message, decryptedByPeer.Message);
        Assert.Equal(HelpBotServerFactory.CorpId, decryptedByPeer.Id);
    }

    [SkippableFact]
    public async Task Signatures_AgreeWithThePeer()
    {
        WeComCryptoPeer.RequireInstalled();
        var encrypt = WeComRequests.Crypto.Encrypt("x");

        Assert.Equal(
            await WeComCryptoPeer.SignAsync(HelpBotServerFactory.Token, "1700000000", "abc", encrypt),
            WeComRequests.Crypto.ComputeSignature("1700000000", "abc", encrypt));
    }

    [SkippableFact]
    public async Task MessageEncryptedByPeer_GetsAReplyThePeerDecrypts_ThroughTheEndpoint()
    {
        WeComCryptoPeer.RequireInstalled();

        var content = await RoundTripThroughEndpointAsync(WeComRequests.TextXml("interop-user", "9100000000000000001", ProbeMessageHandler.AskForChoices));

        Assert.Equal("请选择主体类型：\n(1) 个体户　(2) 有限公司", content);
    }

    [SkippableFact]
    public async Task EnterAgentEncryptedByPeer_GetsTheWelcomeThePeerDecrypts()
    {
        WeComCryptoPeer.RequireInstalled();

        var content = await RoundTripThroughEndpointAsync(WeComRequests.EnterAgentXml("interop-user-2", WeComRequests.Now()));

        Assert.Equal(BotTexts.Welcome, content);
    }

    /// <summary>
    /// @wecom/crypto encrypts and signs the callback; our server answers; @wecom/crypto checks the reply's signature
    /// and decrypts it. Returns the reply's Content.
    /// </summary>
    internal static async Task<string?> RoundTripThroughEndpointAsync(HelpBotServerFactory factory, string innerXml)
    {
        var timestamp = WeComRequests.Now().ToString(CultureInfo.InvariantCulture);
        const string nonce = "5188";
        var encrypt = await WeComCryptoPeer.EncryptAsync(HelpBotServerFactory.EncodingAesKey, innerXml, HelpBotServerFactory.CorpId);
        var signature = await WeComCryptoPeer.SignAsync(HelpBotServerFactory.Token, timestamp, nonce, encrypt);

        var response = await factory.CreateClient().SendAsync(WeComRequests.Post(encrypt, timestamp, nonce, signature));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (replyEncrypt, replySignature, replyTimestamp, replyNonce) = WeComRequests.ReadEnvelope(await response.Content.ReadAsStringAsync());
        Assert.Equal(await WeComCryptoPeer.SignAsync(HelpBotServerFactory.Token, replyTimestamp, replyNonce, replyEncrypt), replySignature);
        var (message, id, _) = await WeComCryptoPeer.DecryptAsync(HelpBotServerFactory.EncodingAesKey, replyEncrypt);
        Assert.Equal(HelpBotServerFactory.CorpId, id);
        var reply = WeComXml.ParseMessage(message);
        Assert.Equal(HelpBotServerFactory.CorpId, reply.FromUserName);
        Assert.Equal("text", reply.MsgType);
        return reply.Content;
    }

    private Task<string?> RoundTripThroughEndpointAsync(string innerXml) => RoundTripThroughEndpointAsync(server.Factory, innerXml);
}
