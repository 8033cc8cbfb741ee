using WeComHelpBot.Recognition;

namespace WeComHelpBot.Tests.Recognition;

public sealed class CompanyNameRecognizerTests
{
    [Fact]
    public void EndingLastCharacters_AreExactlyTheLastCharactersOfTheEndings()
    {
        var lastCharacters = CompanyNameRecognizer.Endings.Split('|').Select(e => e[^1]).ToHashSet();
        Assert.Equal(lastCharacters.Order(), CompanyNameRecognizer.EndingLastCharacterList.Order());
    }

    [Theory]
    [InlineData("我们公司叫厦门鹭岛科技有限公司", "厦门鹭岛科技有限公司")]
    [InlineData("刚才说过了，福州闽江小吃店", "福州闽江小吃店")]
    [InlineData("我在泉州开了家安溪茶叶商行", "在泉州开了家安溪茶叶商行")]
    [InlineData("杭州西湖区第一幼儿园要注册", "杭州西湖区第一幼儿园")]
    [InlineData("打款好几天了还没到账咋办", null)]
    [InlineData("今天天气怎么样，适合去爬山吗", null)]
    [InlineData("12个人", null)]
    public void Named_FindsANameOnlyWithAnEnding(string text, string? expected) =>
        Assert.Equal(expected, CompanyNameRecognizer.Named(text));
}
