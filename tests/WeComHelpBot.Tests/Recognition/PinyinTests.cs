using WeComHelpBot.Recognition;

namespace WeComHelpBot.Tests.Recognition;

public sealed class PinyinTests
{
    [Theory]
    [InlineData("认证", "ren zheng")]
    [InlineData("对公", "dui gong")]
    [InlineData("营业", "ying ye")]
    public void Full_IsTheTonelessSyllables(string word, string syllables) => Assert.Equal(syllables, Pinyin.Full(word));

    [Theory]
    [InlineData("认证", "认怔")]
    [InlineData("对公", "队公")]
    [InlineData("营业", "营页")]
    public void Full_IsTheSameForAnImeHomophone(string meant, string typed) => Assert.Equal(Pinyin.Full(meant), Pinyin.Full(typed));

    [Fact]
    public void Initials_AreTheFirstLetters() => Assert.Equal("qywx", Pinyin.Initials("企业微信"));

    [Fact]
    public void NonHanText_HasNoPinyin()
    {
        Assert.Null(Pinyin.Full("API"));
        Assert.Null(Pinyin.Initials("企业3"));
    }
}
