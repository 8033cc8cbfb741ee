using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Decision;
using WeComHelpBot.Knowledge.Understanding;

namespace WeComHelpBot.Tests.Knowledge;

/// <summary>
/// Spoken questions (这玩意儿注册入口在哪儿啊, 白嫖的免认证有啥坑) were refused as out of scope: their slang is not in the
/// knowledge base, so p_domain read it as words from another topic.
/// </summary>
public sealed class SpokenWordsTests
{
    private readonly KnowledgeRetriever retriever = ShippedKnowledge.Retriever;

    private static double Domain(QuestionUnderstanding understanding, string feature) =>
        understanding.Features.Domain[((IList<string>)DecisionFeatures.DomainNames).IndexOf(feature)];

    [Theory]
    [InlineData("玩意儿", true)]
    [InlineData("到底", true)]
    [InlineData("立马", true)]
    [InlineData("琢磨", true)]
    [InlineData("注册", false)]
    [InlineData("钉钉", false)]
    public void IsSpoken_KnowsFillerFromTopics(string word, bool spoken) => Assert.Equal(spoken, QuestionFocus.IsSpoken(word));

    [Fact]
    public void Slang_IsNotCountedAsWordsTheKnowledgeBaseLacks()
    {
        // SmartCn cuts 白嫖, a word it does not know, into 白 / 嫖: lone characters, not a topic from elsewhere.
        var spoken = retriever.Understand("白嫖的免认证有啥坑");

        Assert.Equal(0, Domain(spoken, "unknown_weight"));
        Assert.Equal(1, Domain(spoken, "known_words"));
    }

    [Theory]
    [InlineData("注册要准备啥子材料")] // 啥子: 什么 in the south-west
    [InlineData("莫得营业执照能注册不")] // 莫得: 没有
    [InlineData("扫个脸就完事了")]
    public void DialectWords_AreNotCountedAsWordsTheKnowledgeBaseLacks(string question)
    {
        var understanding = retriever.Understand(question);

        Assert.Equal(0, Domain(understanding, "unknown_weight"));
        Assert.Equal(1, Domain(understanding, "spoken"));
    }

    [Fact]
    public void AnOtherTopic_StillCountsAsUnknown()
    {
        // Two-character words SmartCn knows (天气, 股票) and the knowledge base does not are still evidence of another topic.
        Assert.True(Domain(retriever.Understand("明天天气怎么样 股票涨不涨"), "unknown_weight") > 0);
    }

    [Theory]
    [InlineData("这玩意儿注册入口在哪儿啊", 1)]
    [InlineData("注册入口在哪", 0)]
    // The analyzer cuts 压根 into 压 / 根 and drops 啊: read from the text, they still mark a said question.
    [InlineData("法人压根不玩微信，那咋验证", 1)]
    [InlineData("研发写个程序同步成员 行不", 1)]
    [InlineData("人脸识别完就能开通了啊", 1)]
    [InlineData("法人没有微信怎么验证", 0)]
    [InlineData("整理通讯录用哪种导入方式", 0)]
    public void Spoken_MarksASaidQuestion(string question, double spoken) =>
        Assert.Equal(spoken, Domain(retriever.Understand(question), "spoken"));

    [Theory]
    [InlineData("人走了以后他还能看公司群吗", "security-data-isolation")] // 人走了: 离职
    [InlineData("手敲的话最多敲几个", "members-manual-input")] // 手敲: 手动输入
    [InlineData("交那三百块是图个啥", "verify-wechat-cert")]
    [InlineData("跳槽的员工账号咋弄", "security-data-isolation")] // 跳槽: 离职 // 三百块: the certification's 审核费
    [InlineData("想把老顾客都拉进来咋弄", "members-external-contact")] // 老顾客: 外部客户
    [InlineData("厨师长只管他那摊子行不", "members-dept-admin")] // 他那摊（子）: 自己部门
    public void SpokenNamesOfTopics_FindTheirEntries(string question, string entryId)
    {
        var answer = retriever.Answer(question);

        Assert.True(answer.Answered && answer.EntryId == entryId, $"{question} → {answer.Kind} {answer.EntryId} ({answer.Score})");
    }

    [Theory]
    [InlineData("注册这事儿一共要走几步", "stages-overview")] // 一共 and 事儿 name no topic: only 注册 and 几步 do
    public void SpokenWordsForInAllAndHere_AreNoTermsOfTheQuestion(string question, string entryId)
    {
        using var analyzer = new KnowledgeAnalyzer(KnowledgeLoader.LoadOrThrow(TestPaths.RealKnowledge).Synonyms);
        var terms = analyzer.Terms(KnowledgeIndex.TitleField, question);

        Assert.DoesNotContain("一共", terms);
        Assert.DoesNotContain("事儿", terms);
        var answer = retriever.Answer(question);
        Assert.True(answer.Answered && answer.EntryId == entryId, $"{question} → {answer.Kind} {answer.EntryId} ({answer.Score})");
    }

    [Fact]
    public void AWordNoEntryUses_DoesNotWeighAsTheRarestWord_WhenTheEntriesAreWeighed()
    {
        // 塞 (to squeeze in) and 铺子 are words no entry uses: they tell no entry from another, so the sole proprietor's
        // limit holds the question as well as its own words allow, and the question is answered, not asked back.
        const string question = "个体户的奶茶铺子企微最多能塞几个人";

        var answer = retriever.Answer(question);

        Assert.True(answer.Answered && answer.EntryId == "limit-members-sole-proprietor", $"{question} → {answer.Kind} {answer.EntryId} ({answer.Score})");
    }

    [Theory]
    [InlineData("外面冷不冷啊")] // 外面 is no 外部联系人: the words the knowledge base lacks still make it another topic
    [InlineData("聊天记录不小心误删了怎么找回来")]
    public void AQuestionOfAnotherTopic_IsStillRefused(string question) =>
        Assert.Equal(AnswerKind.OutOfScope, retriever.Answer(question).Kind);
}
