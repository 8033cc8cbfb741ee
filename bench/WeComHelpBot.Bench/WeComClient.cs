using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using WeComHelpBot.Channels.WeCom;

namespace WeComHelpBot.Bench;

/// <summary>
/// Posts encrypted text messages to /wecom/callback the way WeCom does (made with the library's WeComCrypto) and
/// decrypts the passive replies. The settings are the ones handed to the server as environment variables.
/// </summary>
public sealed class WeComClient(HttpClient http) : IBenchChannel
{
    public const string CorpId = "wwbench0000000001";
    public const string Token = "BenchToken0123456789";
    public const string EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const int AgentId = 1000002;

    private static readonly WeComCrypto Crypto = new(Token, EncodingAesKey, CorpId);
    private static readonly WeComUserPseudonym Pseudonym = new(EncodingAesKey, CorpId);
    private long messageId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;

    public static IReadOnlyDictionary<string, string> ServerSettings { get; } = new Dictionary<string, string>
    {
        ["WeCom__CorpId"] = CorpId,
        ["WeCom__Token"] = Token,
        ["WeCom__EncodingAESKey"] = EncodingAesKey,
        ["WeCom__AgentId"] = AgentId.ToString(CultureInfo.InvariantCulture),
        ["WeCom__Secret"] = "bench-secret",

        // Nothing listens there: a reply that misses the passive window would fail loudly in the log.
        ["WeCom__ApiBaseUrl"] = "http://127.0.0.1:9",
    };

    public string ChannelId => WeComActivityMapper.ChannelId;

    public string ConversationId(string name) => WeComActivityMapper.ConversationIdFor(Pseudonym.For(name));

    public async Task<string?> SendAsync(string name, string text, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref messageId);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var inner = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[{name}]]></FromUserName><CreateTime>{now}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content><MsgId>{id}</MsgId><AgentID>{AgentId}</AgentID></xml>";
        using var response = await PostEncryptedAsync(Crypto.Encrypt(inner), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"HTTP {(int)response.StatusCode}: {(body.Length > 200 ? body[..200] : body)}";
        }

        if (body.Length == 0)
        {
            return "empty passive reply (the turn outlasted the reply window)";
        }

        var xml = XElement.Parse(body);
        var encrypt = xml.Element("Encrypt")!.Value;
        if (!Crypto.VerifySignature(xml.Element("MsgSignature")!.Value, xml.Element("TimeStamp")!.Value, xml.Element("Nonce")!.Value, encrypt))
        {
            return "the reply's signature does not verify";
        }

        var reply = WeComXml.ParseMessage(Crypto.DecryptForReceiver(encrypt));
        return string.IsNullOrEmpty(reply.Content) ? "reply without text" : null;
    }

    /// <summary>Posts a ciphertext (possibly made wrong on purpose) signed correctly; returns the status code.</summary>
    public async Task<HttpStatusCode> PostEncryptedRawAsync(string encrypt, CancellationToken cancellationToken)
    {
        using var response = await PostEncryptedAsync(encrypt, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.StatusCode;
    }

    public static string Encrypt(string innerXml) => Crypto.Encrypt(innerXml);

    private Task<HttpResponseMessage> PostEncryptedAsync(string encrypt, CancellationToken cancellationToken)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Random.Shared.Next(100000000, 999999999).ToString(CultureInfo.InvariantCulture);
        var signature = Crypto.ComputeSignature(timestamp, nonce, encrypt);
        var body = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt><AgentID><![CDATA[{AgentId}]]></AgentID></xml>";
        return http.PostAsync(
            $"wecom/callback?msg_signature={signature}&timestamp={timestamp}&nonce={nonce}",
            new StringContent(body, Encoding.UTF8, "text/xml"),
            cancellationToken);
    }
}
