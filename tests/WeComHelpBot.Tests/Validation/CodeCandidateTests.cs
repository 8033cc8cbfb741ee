using System.Text;
using System.Text.Json;
using WeComHelpBot.Validation;

namespace WeComHelpBot.Tests.Validation;

public sealed class CodeCandidateTests
{
    [Theory]
    [InlineData("打款好几天了还没到账咋办", false)]
    [InlineData("12个人", false)]
    [InlineData("今天天气怎么样，适合去爬山吗？", false)]
    [InlineData("代码ABC12", false)]
    [InlineData("代码ABC123", true)]
    [InlineData("代码是 9135 0100 M000 100Y 43", true)]
    [InlineData("代码是９１３５０１００Ｍ", true)]
    [InlineData("①②③④⑤⑥", true)]
    [InlineData("㎏㎏㎏", true)]
    [InlineData("", false)]
    public void MayHoldRun_SaysNoOnlyWhenNoRunCanBeLongEnough(string text, bool expected) =>
        Assert.Equal(expected, CodeCandidate.MayHoldRun(text));

    [Fact]
    public void MayHoldRun_SaysNo_OnlyWhereTheNormalizedTextHasTooFewLettersAndDigits()
    {
        // Every question of the eval sets, and each with a code-like tail in ASCII, full-width and circled digits.
        var texts = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Knowledge"), "*.jsonl")
            .SelectMany(File.ReadLines)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("question").GetString()!)
            .SelectMany(q => new[] { q, q + " 91350100M", q + "９１３５０１", q + "①②③④⑤⑥", q + "，Ｅ１２３" })
            .ToList();
        Assert.True(texts.Count > 1000);

        var skipped = 0;
        foreach (var text in texts.Where(t => !CodeCandidate.MayHoldRun(t)))
        {
            skipped++;
            var normalized = text.Normalize(NormalizationForm.FormKC);
            Assert.True(normalized.Count(char.IsAsciiLetterOrDigit) < CodeCandidate.MinLength, text);
        }

        // The shortcut is taken for most plain questions (one text in five), or it saves nothing.
        Assert.True(skipped > texts.Count / 10, $"{skipped} of {texts.Count}");
    }

    [Theory]
    [InlineData("打款好几天了还没到账咋办", "")]
    [InlineData("代码是 9135 0100 M000 100Y 43", "91350100M000100Y43")]
    [InlineData("代码是９１３５０１００Ｍ", "91350100M")]
    [InlineData("①②③④⑤⑥", "123456")]
    public void Find_TakesTheLongestRun(string text, string expected) =>
        Assert.Equal(expected, CodeCandidate.Find(text));
}
