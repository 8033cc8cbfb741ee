using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Knowledge;

public sealed class AnswerTextShortTests
{
    private static KnowledgeEntry Entry(string id, string answer) =>
        new(id, $"标题{id}", 1, new DateOnly(2026, 11, 1), [], [], answer, [], null, "t.yaml", 1);

    [Fact]
    public void Short_KeepsTheFirstLinesWithinTheLimit_AndMarksTheCut()
    {
        var answer = "法定代表人人脸识别：\n- 材料：法人身份证 + 法人本人扫脸；\n- 耗时：即时完成；\n" + new string('长', AnswerText.ShortLength) + "\n最后一行。";

        var shortened = AnswerText.Short(Entry("a", answer));

        Assert.StartsWith("法定代表人人脸识别：\n- 材料", shortened);
        Assert.Contains("即时完成", shortened);
        Assert.DoesNotContain("最后一行", shortened);
        Assert.EndsWith("……", shortened);
    }

    [Fact]
    public void Short_AnAnswerWithinTheLimit_IsWhole()
    {
        Assert.Equal("一句话。\n两句话。", AnswerText.Short(Entry("a", "一句话。\n\n两句话。\n")));
    }

    [Fact]
    public void Short_KeepsTheFirstLine_EvenWhenItIsLong()
    {
        var first = new string('字', AnswerText.ShortLength * 2);

        Assert.Equal(first + "……", AnswerText.Short(Entry("a", first + "\n第二行")));
    }

    [Fact]
    public void SideBySide_ShortensEachSide_WithOneFreshnessNote()
    {
        var longAnswer = "手动：每次 1 人。\n" + new string('长', AnswerText.ShortLength) + "\n细节。";
        var text = AnswerText.SideBySide([Entry("a", longAnswer), Entry("b", "模板：每次最多 1000 人。")]);

        Assert.DoesNotContain("细节", text);
        Assert.Contains("模板：每次最多 1000 人。", text);
        Assert.Single(text.Split('\n'), l => l == KnowledgeTexts.FreshnessNote(new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public void SideBySide_OfTwo_KeepsTheTwoSidesIntro() =>
        Assert.StartsWith(KnowledgeTexts.ComparisonIntro + "\n【标题a】", AnswerText.SideBySide([Entry("a", "甲。"), Entry("b", "乙。")]));
}
