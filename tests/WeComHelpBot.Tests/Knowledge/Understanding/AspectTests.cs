using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Understanding;

namespace WeComHelpBot.Tests.Knowledge.Understanding;

public sealed class AspectTests
{
    private static readonly Aspect Time = new("时间", ["快", "多久"], ["多久", "最快"]);

    [Theory]
    [InlineData("扫脸和打款哪个快", true)]
    [InlineData("两种验证各要多久", true)]
    [InlineData("扫脸和打款哪个要法人参与", false)]
    public void IsAskedIn_FindsTheAspectsWords(string question, bool asked) => Assert.Equal(asked, Time.IsAskedIn(question));

    [Fact]
    public void IsCoveredBy_LooksAtTheTitleQuestionsAndTags_NotTheAnswer()
    {
        Assert.True(Time.IsCoveredBy(Entry("三种验证方式各要多久", questions: [])));
        Assert.True(Time.IsCoveredBy(Entry("验证方式", questions: ["哪种验证最快"])));
        Assert.True(Time.IsCoveredBy(Entry("验证方式", tags: ["最快"])));

        // An answer that mentions how long something takes does not make the entry about time.
        Assert.False(Time.IsCoveredBy(Entry("对公打款验证", answer: "打款一般要多久？1 到 3 个工作日。")));
    }

    private static KnowledgeEntry Entry(string title, IReadOnlyList<string>? questions = null, IReadOnlyList<string>? tags = null, string answer = "答案") =>
        new("e", title, 1, new DateOnly(2026, 1, 1), tags ?? [], questions ?? [], answer, [], null, "a.yaml", 1);
}
