using WeComHelpBot.Support.Privacy;

namespace WeComHelpBot.Tests.Support.Privacy;

public sealed class PersonalDataMaskerTests
{
    private readonly PersonalDataMasker masker = new();

    [Theory]
    [InlineData("我手机13812345678，麻烦回电", "我手机138****5678，麻烦回电")]
    [InlineData("电话 138 1234 5678", "电话 138****5678")]
    [InlineData("电话138-1234-5678谢谢", "电话138****5678谢谢")]
    [InlineData("+86 13812345678", "+86 138****5678")]
    [InlineData("+86-138-1234-5678", "+86 138****5678")]
    [InlineData("8613812345678", "+86 138****5678")]
    [InlineData("手机号：１３８１２３４５６７８", "手机号：138****5678")]
    public void MobileNumbers_AreMaskedInEveryCommonFormat(string input, string expected)
    {
        Assert.Equal(expected, masker.Mask(input));
    }

    [Theory]
    [InlineData("法人身份证110105194912310029怎么填", "法人身份证110************029怎么填")]
    [InlineData("身份证号11010519491231002X", "身份证号110************02X")]
    [InlineData("身份证号11010519491231002x。", "身份证号110************02X。")]
    [InlineData("老身份证110105491231002", "老身份证110*********002")]
    [InlineData("身份证 110105 19491231 0029", "身份证 110************029")]
    public void ResidentIdNumbers_AreMasked(string input, string expected)
    {
        Assert.Equal(expected, masker.Mask(input));
    }

    [Theory]
    [InlineData("对公账号6222020200001234567到账了吗", "对公账号6222***********4567到账了吗")]
    [InlineData("卡号 6222 0202 0000 1234", "卡号 6222********1234")]
    [InlineData("账户 1234-5678-9012", "账户 1234****9012")]
    public void BankAccountNumbers_AreMasked(string input, string expected)
    {
        Assert.Equal(expected, masker.Mask(input));
    }

    [Fact]
    public void CreditCode_IsMasked()
    {
        Assert.Equal("信用代码9135************43对不上", masker.Mask("信用代码91350100M000100Y43对不上"));
    }

    [Theory]
    [InlineData("91350100M0O0100Y43", "9135************43")]
    [InlineData("代码是91350100M000100Y4对吗", "代码是9135***********Y4对吗")]
    [InlineData("91350100I000100Y433", "9135*************33")]
    [InlineData("身份证1101051949O2310029", "身份证1101************29")]
    public void MistypedCodes_AreMaskedToo(string input, string expected)
    {
        Assert.Equal(expected, masker.Mask(input));
    }

    [Theory]
    [InlineData("打款已经3天了，交了300元")]
    [InlineData("最多200个成员，个体户50个")]
    [InlineData("2025-05-18 注册的")]
    [InlineData("工单号 T20261125-0001")]
    [InlineData("验证码 123456")]
    [InlineData("")]
    public void OrdinaryNumbers_AreLeftAlone(string input)
    {
        Assert.Equal(input, masker.Mask(input));
    }

    [Fact]
    public void Null_StaysNull()
    {
        Assert.Null(masker.Mask(null));
    }

    [Fact]
    public void SeveralNumbersInOneMessage_AreAllMasked()
    {
        var masked = masker.Mask("手机13812345678 身份证110105194912310029 账号6222020200001234567");

        Assert.Equal("手机138****5678 身份证110************029 账号6222***********4567", masked);
    }

    [Fact]
    public void MaskPhone_KeepsThreeAndFour()
    {
        Assert.Equal("139****0000", masker.MaskPhone("+86 139-1234-0000"[4..]));
    }
}
