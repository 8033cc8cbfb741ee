using WeComHelpBot.Recognition;

namespace WeComHelpBot.Tests.Recognition;

public sealed class CantoneseTests
{
    [Theory]
    [InlineData("喺邊度註冊企業微信？", "在哪里註冊企業微信？")]
    [InlineData("邊個可以做管理員", "谁可以做管理員")]
    [InlineData("唔認證可唔可以用？有咩限制？", "不認證可不可以用？有什么限制？")]
    [InlineData("要等幾耐", "要等多久")]
    [InlineData("我哋係事業單位", "我们是事業單位")]
    [InlineData("冇對公戶口點算", "没有對公戶口怎么办")]
    [InlineData("点样加员工入去", "怎样加员工入去")] // Cantonese in simplified characters
    public void CantoneseWords_BecomeMandarin(string text, string expected) => Assert.Equal(expected, Cantonese.ToMandarin(text));

    [Theory]
    [InlineData("系统里的关系怎么联系")] // 系 is Mandarin; only the traditional 係 is Cantonese for 是
    [InlineData("点开链接后先得到验证码")] // 点开 = click open, 先得到 = first get
    [InlineData("左边一个右边一个")]
    [InlineData("那公司呢个体户呢")]
    [InlineData("个体户最多加几个人")]
    public void Mandarin_IsLeftAsItIs(string text) => Assert.Equal(text, Cantonese.ToMandarin(text));
}
