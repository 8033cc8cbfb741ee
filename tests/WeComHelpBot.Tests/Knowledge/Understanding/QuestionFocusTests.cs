using WeComHelpBot.Knowledge.Understanding;

namespace WeComHelpBot.Tests.Knowledge.Understanding;

public sealed class QuestionFocusTests
{
    private static readonly HashSet<string> Topic = ["法人", "扫脸", "对公打款", "验证"];

    private static IEnumerable<string> TopicWords(string clause) => Topic.Where(t => clause.Contains(t, StringComparison.Ordinal));

    [Fact]
    public void Extract_KeepsTheAskingClauseAndTheTopic_DropsTheStory()
    {
        const string story = "我们是家小火锅店，老板常年在老家，法人没法过来扫脸，着急开通，这种情况该选哪种验证？";

        var focus = QuestionFocus.Extract(story, TopicWords);

        Assert.Contains("该选哪种验证", focus);
        Assert.Contains("法人", focus);
        Assert.Contains("扫脸", focus);
        Assert.DoesNotContain("火锅店", focus);
        Assert.DoesNotContain("老板", focus);
        Assert.DoesNotContain("着急", focus);
    }

    [Fact]
    public void Extract_KeepsWhatAStoryClauseSaysIsMissing()
    {
        // 没有微信 is what the legal representative lacks: read as 微信 alone, the story asks about the WeChat certification.
        var focus = QuestionFocus.Extract("我们做五金批发，法人用老人机，他没有微信，平时都在外地跑，这种情况该选哪种验证？", TopicWords);

        Assert.Contains("法人", focus);
        Assert.Contains("没有微信", focus);
        Assert.DoesNotContain("五金", focus);
        Assert.DoesNotContain("外地", focus);
    }

    [Fact]
    public void Extract_WithoutAQuestionWord_ReadsTheLastClauseAsTheQuestion()
    {
        var focus = QuestionFocus.Extract("财务上周三就把钱打过去了，到现在后台一直在转圈，对公打款验证超时", TopicWords);

        Assert.EndsWith("对公打款验证超时", focus);
        Assert.DoesNotContain("财务", focus);
    }

    [Theory]
    [InlineData("个体户能加几个人")]
    [InlineData("扫脸要多久")]
    public void Extract_LeavesAShortQuestionAsItIs(string question) => Assert.Equal(question, QuestionFocus.Extract(question, TopicWords));

    [Fact]
    public void Extract_KeepsTheClauseThatNamesBothSides_BeforeTheQuestion()
    {
        var focus = QuestionFocus.Extract("我们老板不在本地，扫脸和对公打款，到底哪个不用他本人到场？", TopicWords);

        Assert.Contains("扫脸和对公打款", focus);
        Assert.Contains("哪个不用他本人到场", focus);
    }

    [Theory]
    [InlineData("人走了账号会不会还留着")] // 会不会 asks without 吗 or a question mark
    [InlineData("法人不在能否用对公打款")]
    [InlineData("可否先注册再补营业执照")]
    public void Asks_KnowsQuestionsWithoutAQuestionMark(string clause) => Assert.True(QuestionFocus.Asks(clause));

    [Fact]
    public void Asks_IsFalseForAStatement() => Assert.False(QuestionFocus.Asks("财务已经把钱打过去了"));

    [Theory]
    [InlineData("还是一样", true)] // the trouble goes on
    [InlineData("试了还是不行", true)]
    [InlineData("个体户也一样吗", false)] // asks whether the answer holds for another topic
    [InlineData("事业单位也是一样的吗", false)]
    public void Continues_TellsTheTroubleGoingOnFromTheSameAskedOfAnother(string message, bool continues) =>
        Assert.Equal(continues, QuestionFocus.Continues(message));

    [Theory]
    [InlineData("没执照呢", true)]
    [InlineData("那没有对公户的话呢", true)]
    [InlineData("要是没营业执照呢", true)]
    [InlineData("没对公账户咋办", true)]
    [InlineData("没用", false)] // the fix did not help: a continuation
    [InlineData("还是没通过呢", false)]
    [InlineData("没法扫脸呢", false)] // cannot do it: the other ways, not the thing itself
    [InlineData("营业执照呢", false)]
    public void Lacks_TellsAMessageAskingWhatToDoWithoutAThing(string message, bool lacks) => Assert.Equal(lacks, QuestionFocus.Lacks(message));
}
