using System.Globalization;
using System.Text;
using System.Xml;

namespace WeComHelpBot.Channels.WeCom;

/// <summary>
/// Reads and writes WeCom's flat &lt;xml&gt; documents. Reading forbids DTDs and external entities and caps the
/// document size, because the outer envelope is parsed before anything is authenticated.
/// </summary>
public static class WeComXml
{
    private const int MaxDocumentCharacters = 1024 * 1024;

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = MaxDocumentCharacters,
        MaxCharactersFromEntities = 0,
    };

    /// <summary>Reads the outer envelope of a POST body.</summary>
    /// <exception cref="WeComCryptoException">ParseXmlError when the body is not a complete envelope.</exception>
    public static WeComEnvelope ParseEnvelope(ReadOnlyMemory<byte> body)
    {
        var fields = ReadFields(body);
        var toUserName = fields.GetValueOrDefault("ToUserName");
        var encrypt = fields.GetValueOrDefault("Encrypt");
        if (string.IsNullOrEmpty(toUserName) || string.IsNullOrEmpty(encrypt))
        {
            throw new WeComCryptoException(WeComErrorCode.ParseXmlError, "Envelope lacks ToUserName or Encrypt");
        }

        return new WeComEnvelope(toUserName, encrypt, fields.GetValueOrDefault("AgentID"));
    }

    /// <summary>Reads a decrypted message.</summary>
    /// <exception cref="WeComCryptoException">ParseXmlError when required fields are missing.</exception>
    public static WeComMessage ParseMessage(string xml)
    {
        var fields = ReadFields(Encoding.UTF8.GetBytes(xml));
        var toUserName = fields.GetValueOrDefault("ToUserName");
        var fromUserName = fields.GetValueOrDefault("FromUserName");
        var msgType = fields.GetValueOrDefault("MsgType");
        // 微信客服's kf_msg_or_event has no sender: it only says which 客服帐号 has news.
        var kfEvent = fields.GetValueOrDefault("Event") == "kf_msg_or_event" && !string.IsNullOrEmpty(fields.GetValueOrDefault("OpenKfId"));
        if (string.IsNullOrEmpty(toUserName) || (string.IsNullOrEmpty(fromUserName) && !kfEvent) || string.IsNullOrEmpty(msgType))
        {
            throw new WeComCryptoException(WeComErrorCode.ParseXmlError, "Message lacks ToUserName, FromUserName or MsgType");
        }

        _ = long.TryParse(fields.GetValueOrDefault("CreateTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var createTime);
        return new WeComMessage
        {
            ToUserName = toUserName,
            FromUserName = fromUserName ?? string.Empty,
            CreateTime = createTime,
            MsgType = msgType,
            Content = fields.GetValueOrDefault("Content"),
            MsgId = fields.GetValueOrDefault("MsgId"),
            AgentId = fields.GetValueOrDefault("AgentID"),
            Event = fields.GetValueOrDefault("Event"),
            EventKey = fields.GetValueOrDefault("EventKey"),
            Token = fields.GetValueOrDefault("Token"),
            OpenKfId = fields.GetValueOrDefault("OpenKfId"),
            MediaId = fields.GetValueOrDefault("MediaId"),
        };
    }

    /// <summary>The plaintext of a passive text reply, before encryption.</summary>
    public static string BuildTextReply(string toUser, string fromCorpId, long createTime, string content)
    {
        var xml = new StringBuilder(content.Length + 256);
        xml.Append("<xml>");
        AppendCData(xml, "ToUserName", toUser);
        AppendCData(xml, "FromUserName", fromCorpId);
        xml.Append("<CreateTime>").Append(createTime.ToString(CultureInfo.InvariantCulture)).Append("</CreateTime>");
        AppendCData(xml, "MsgType", "text");
        AppendCData(xml, "Content", content);
        xml.Append("</xml>");
        return xml.ToString();
    }

    /// <summary>The body WeCom expects for an encrypted passive reply.</summary>
    public static string BuildEncryptedReply(string encrypt, string signature, string timestamp, string nonce)
    {
        var xml = new StringBuilder(encrypt.Length + 200);
        xml.Append("<xml>");
        AppendCData(xml, "Encrypt", encrypt);
        AppendCData(xml, "MsgSignature", signature);
        xml.Append("<TimeStamp>").Append(timestamp).Append("</TimeStamp>");
        AppendCData(xml, "Nonce", nonce);
        xml.Append("</xml>");
        return xml.ToString();
    }

    /// <summary>
    /// The text of each child of the root element. Only the first occurrence of a name counts; a child with
    /// elements of its own (none of WeCom's text or event fields has one) is ignored.
    /// </summary>
    private static Dictionary<string, string> ReadFields(ReadOnlyMemory<byte> body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, ReaderSettings);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                throw new WeComCryptoException(WeComErrorCode.ParseXmlError, "Document has no root element");
            }

            string? field = null;
            var text = new StringBuilder();
            var nested = false;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element when reader.Depth == 1:
                        field = reader.LocalName;
                        text.Clear();
                        nested = false;
                        if (reader.IsEmptyElement)
                        {
                            fields.TryAdd(field, string.Empty);
                            field = null;
                        }

                        break;
                    case XmlNodeType.Element:
                        nested = true;
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace when reader.Depth == 2:
                        text.Append(reader.Value);
                        break;
                    case XmlNodeType.EndElement when reader.Depth == 1 && field is not null:
                        if (!nested)
                        {
                            fields.TryAdd(field, text.ToString());
                        }

                        field = null;
                        break;
                }
            }
        }
        catch (XmlException)
        {
            throw new WeComCryptoException(WeComErrorCode.ParseXmlError, "Body is not well-formed XML");
        }

        return fields;
    }

    private static void AppendCData(StringBuilder xml, string name, string value)
    {
        xml.Append('<').Append(name).Append("><![CDATA[");
        AppendXmlSafe(xml, value);
        xml.Append("]]></").Append(name).Append('>');
    }

    /// <summary>Splits "]]>" across two CDATA sections and drops characters XML 1.0 cannot carry.</summary>
    private static void AppendXmlSafe(StringBuilder xml, string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ']' && i + 2 < value.Length && value[i + 1] == ']' && value[i + 2] == '>')
            {
                xml.Append("]]]]><![CDATA[>");
                i += 2;
            }
            else if (char.IsSurrogatePair(value, i))
            {
                xml.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                xml.Append(c);
            }
        }
    }
}
