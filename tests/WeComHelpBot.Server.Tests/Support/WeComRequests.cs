using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using WeComHelpBot.Channels.WeCom;

namespace WeComHelpBot.Server.Tests.Support;

/// <summary>Builds WeCom callback requests the way WeCom sends them, and reads the encrypted passive replies.</summary>
internal static class WeComRequests
{
    public static readonly WeComCrypto Crypto = new(HelpBotServerFactory.Token, HelpBotServerFactory.EncodingAesKey, HelpBotServerFactory.CorpId);

    public static string TextXml(string fromUser, string msgId, string content) =>
        $"<xml><ToUserName><![CDATA[{HelpBotServerFactory.CorpId}]]></ToUserName><FromUserName><![CDATA[{fromUser}]]></FromUserName><CreateTime>{Now()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId><AgentID>{HelpBotServerFactory.AgentId}</AgentID></xml>";

    public static string ImageXml(string fromUser, string msgId, string mediaId) =>
        $"<xml><ToUserName><![CDATA[{HelpBotServerFactory.CorpId}]]></ToUserName><FromUserName><![CDATA[{fromUser}]]></FromUserName><CreateTime>{Now()}</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://127.0.0.1:9/not-fetched]]></PicUrl><MediaId><![CDATA[{mediaId}]]></MediaId><MsgId>{msgId}</MsgId><AgentID>{HelpBotServerFactory.AgentId}</AgentID></xml>";

    public static string EnterAgentXml(string fromUser, long createTime) =>
        $"<xml><ToUserName><![CDATA[{HelpBotServerFactory.CorpId}]]></ToUserName><FromUserName><![CDATA[{fromUser}]]></FromUserName><CreateTime>{createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><EventKey><![CDATA[]]></EventKey><AgentID>{HelpBotServerFactory.AgentId}</AgentID></xml>";

    /// <summary>A POST as WeCom makes it: the ciphertext in an envelope, signed in the query string.</summary>
    public static HttpRequestMessage Post(string encrypt, string? timestamp = null, string nonce = "1597212914", string? signature = null, string corpId = HelpBotServerFactory.CorpId)
    {
        timestamp ??= Now().ToString(CultureInfo.InvariantCulture);
        signature ??= Crypto.ComputeSignature(timestamp, nonce, encrypt);
        var body = $"<xml><ToUserName><![CDATA[{corpId}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt><AgentID><![CDATA[{HelpBotServerFactory.AgentId}]]></AgentID></xml>";
        return new HttpRequestMessage(HttpMethod.Post, $"/wecom/callback?msg_signature={signature}&timestamp={timestamp}&nonce={nonce}")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("text/xml")),
        };
    }

    public static HttpRequestMessage PostMessage(string innerXml) => Post(Crypto.Encrypt(innerXml));

    /// <summary>The reply's envelope fields; the signature is checked against the server's own Token.</summary>
    public static (string Encrypt, string Signature, string Timestamp, string Nonce) ReadEnvelope(string body)
    {
        var xml = XElement.Parse(body);
        return (xml.Element("Encrypt")!.Value, xml.Element("MsgSignature")!.Value, xml.Element("TimeStamp")!.Value, xml.Element("Nonce")!.Value);
    }

    public static WeComMessage DecryptReply(string body)
    {
        var (encrypt, signature, timestamp, nonce) = ReadEnvelope(body);
        Assert.True(Crypto.VerifySignature(signature, timestamp, nonce, encrypt), "the reply's MsgSignature must verify");
        return WeComXml.ParseMessage(Crypto.DecryptForReceiver(encrypt));
    }

    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
