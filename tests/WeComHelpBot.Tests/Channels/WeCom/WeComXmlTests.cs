using System.Text;
using WeComHelpBot.Channels.WeCom;

namespace WeComHelpBot.Tests.Channels.WeCom;

public sealed class WeComXmlTests
{
    [Fact]
    public void ParseEnvelope_ReadsToUserNameEncryptAndAgentId()
    {
        var envelope = WeComXml.ParseEnvelope(Bytes("<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[abc+/=]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>"));

        Assert.Equal("wx5823bf96d3bd56c7", envelope.ToUserName);
        Assert.Equal("abc+/=", envelope.Encrypt);
        Assert.Equal("218", envelope.AgentId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml")]
    [InlineData("<xml><ToUserName>wx</ToUserName>")]
    [InlineData("<xml><ToUserName>wx</ToUserName></xml>")]
    [InlineData("<xml><Encrypt>abc</Encrypt></xml>")]
    [InlineData("<xml/>")]
    public void ParseEnvelope_RejectsIncompleteOrMalformedBodies_With40002(string body)
    {
        var error = Assert.Throws<WeComCryptoException>(() => WeComXml.ParseEnvelope(Bytes(body)));
        Assert.Equal(WeComErrorCode.ParseXmlError, error.Code);
    }

    [Fact]
    public void ParseEnvelope_RefusesDtdsSoNoEntityIsExpanded()
    {
        const string body = """
            <?xml version="1.0"?>
            <!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <xml><ToUserName>&x;</ToUserName><Encrypt>abc</Encrypt></xml>
            """;
        var error = Assert.Throws<WeComCryptoException>(() => WeComXml.ParseEnvelope(Bytes(body)));
        Assert.Equal(WeComErrorCode.ParseXmlError, error.Code);
    }

    [Fact]
    public void ParseMessage_ReadsEnterAgentEvent()
    {
        var message = WeComXml.ParseMessage("<xml><ToUserName><![CDATA[ww1]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><EventKey><![CDATA[]]></EventKey><AgentID>1000002</AgentID></xml>");

        Assert.True(message.IsEvent);
        Assert.Equal("enter_agent", message.Event);
        Assert.Equal(string.Empty, message.EventKey);
        Assert.Equal("evt:zhangsan:1700000000:enter_agent", message.DeduplicationKey);
    }

    [Fact]
    public void ParseMessage_IgnoresNestedElements_AndKeepsFirstOfRepeatedFields()
    {
        var message = WeComXml.ParseMessage("<xml><ToUserName>ww1</ToUserName><FromUserName>u1</FromUserName><FromUserName>u2</FromUserName><MsgType>text</MsgType><Content>hi</Content><Extra><A>1</A></Extra><MsgId>9</MsgId></xml>");

        Assert.Equal("u1", message.FromUserName);
        Assert.Equal("hi", message.Content);
        Assert.Equal("msg:9", message.DeduplicationKey);
    }

    [Fact]
    public void ParseMessage_RejectsMessageWithoutSender_With40002()
    {
        var error = Assert.Throws<WeComCryptoException>(() => WeComXml.ParseMessage("<xml><ToUserName>ww1</ToUserName><MsgType>text</MsgType></xml>"));
        Assert.Equal(WeComErrorCode.ParseXmlError, error.Code);
    }

    [Theory]
    [InlineData("普通回答")]
    [InlineData("含有 ]]> 的回答")]
    [InlineData("<b>标签</b> & 符号")]
    [InlineData("表情 😀 也要完整")]
    public void BuildTextReply_RoundTripsContent_ThroughTheParser(string content)
    {
        var xml = WeComXml.BuildTextReply("zhangsan", "ww1436e0e65a779aee", 1700000000, content);

        var parsed = WeComXml.ParseMessage(xml);
        Assert.Equal(content, parsed.Content);
        Assert.Equal("zhangsan", parsed.ToUserName);
        Assert.Equal("ww1436e0e65a779aee", parsed.FromUserName);
        Assert.Equal("text", parsed.MsgType);
        Assert.Equal(1700000000, parsed.CreateTime);
    }

    [Fact]
    public void BuildTextReply_DropsCharactersXmlCannotCarry()
    {
        var parsed = WeComXml.ParseMessage(WeComXml.BuildTextReply("u", "c", 1, "a\u0001b\u0008c"));
        Assert.Equal("abc", parsed.Content);
    }

    [Fact]
    public void BuildEncryptedReply_HasTheFourFieldsWeComReads()
    {
        var xml = WeComXml.BuildEncryptedReply("ENC", "SIG", "1700000000", "123");

        Assert.Equal("<xml><Encrypt><![CDATA[ENC]]></Encrypt><MsgSignature><![CDATA[SIG]]></MsgSignature><TimeStamp>1700000000</TimeStamp><Nonce><![CDATA[123]]></Nonce></xml>", xml);
    }

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
