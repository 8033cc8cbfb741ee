using WeComHelpBot.Recognition;

namespace WeComHelpBot.Tests.Recognition;

public sealed class TextNormalizerSimplifiedTests
{
    [Theory]
    [InlineData("個體戶最多能加幾個人", "个体户最多能加几个人")]
    [InlineData("對公打款驗證要幾天？", "对公打款验证要几天？")]
    [InlineData("會話存檔在哪裡開", "会话存档在哪里开")]
    [InlineData("營業執照還沒下來能註冊嗎", "营业执照还没下来能注册吗")]
    public void ToSimplified_ConvertsTraditionalCharacters(string traditional, string simplified) =>
        Assert.Equal(simplified, TextNormalizer.ToSimplified(traditional));

    [Theory]
    [InlineData("个体户最多能加几个人")]
    [InlineData("How long does WeChat certification take?")]
    [InlineData("打款 3 天了 🙂")]
    [InlineData("")]
    public void ToSimplified_LeavesSimplifiedAndOtherTextAsItIs(string text) =>
        Assert.Equal(text, TextNormalizer.ToSimplified(text));

    [Fact]
    public void ToSimplified_KeepsTheLength_SoPositionsLineUp()
    {
        const string mixed = "企業微信 WeCom 認證費300元";

        Assert.Equal(mixed.Length, TextNormalizer.ToSimplified(mixed).Length);
    }
}
