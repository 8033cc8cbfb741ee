using WeComHelpBot.Channels.WeCom;

namespace WeComHelpBot.Tests.Channels.WeCom;

public sealed class WeComQueryTests
{
    [Fact]
    public void Parse_PercentDecodesEchoStr_AsWeComSendsIt()
    {
        var query = WeComQuery.Parse("?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780&echostr=P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D");

        Assert.Equal("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", query.MsgSignature);
        Assert.Equal("1409659589", query.Timestamp);
        Assert.Equal("263014780", query.Nonce);
        Assert.Equal(WeComTestVectors.A.EchoStr, query.EchoStr);
    }

    [Fact]
    public void Parse_KeepsALiteralPlus_InsteadOfTurningItIntoASpace()
    {
        Assert.Equal("a+b/c=", WeComQuery.Parse("echostr=a+b/c=").EchoStr);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("?")]
    [InlineData("&&=x&timestamp")]
    public void Parse_ToleratesEmptyOrBrokenQueries(string? raw)
    {
        var query = WeComQuery.Parse(raw);
        Assert.Null(query.MsgSignature);
        Assert.Null(query.Timestamp);
    }

    [Fact]
    public void Parse_KeepsTheFirstOfRepeatedParameters_AndSurvivesBadEscapes()
    {
        var query = WeComQuery.Parse("nonce=1&nonce=2&timestamp=%zz");
        Assert.Equal("1", query.Nonce);
        Assert.Equal("%zz", query.Timestamp);
    }
}
