using WeComHelpBot.Knowledge.Understanding;

namespace WeComHelpBot.Tests.Knowledge.Understanding;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("How many people can a sole proprietor add?", true)]
    [InlineData("Is 对公打款 slower than face recognition?", true)]
    [InlineData("企业微信 API 导入怎么做", false)]
    [InlineData("ok", false)]
    public void IsEnglish_WhenMostLettersAreLatin(string text, bool english) => Assert.Equal(english, LanguageDetector.IsEnglish(text));
}
