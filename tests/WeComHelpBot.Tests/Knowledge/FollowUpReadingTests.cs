using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Decision;

namespace WeComHelpBot.Tests.Knowledge;

/// <summary>
/// How a follow-up was answered, as the decision reads it: by another entry than the previous answer's, and how much of the
/// message alone that entry holds. A follow-up that moves to the entry its own words name is answered; one that stays on
/// the previous entry while naming another topic is not.
/// </summary>
public sealed class FollowUpReadingTests
{
    private static readonly int Moved = ((IList<string>)DecisionFeatures.EntryNames).IndexOf("follow_up_moved");
    private static readonly int Own = ((IList<string>)DecisionFeatures.EntryNames).IndexOf("follow_up_own");

    private readonly KnowledgeRetriever retriever = ShippedKnowledge.Retriever;

    [Fact]
    public void AFollowUpThatMovesToTheTopicItNames_ReadsAsMoved()
    {
        var understanding = retriever.Understand("那免认证呢", new FollowUpContext("微信认证要年审吗", "cert-annual-review"));

        Assert.True(understanding.FollowUp);
        Assert.Equal("cert-annual-review", understanding.Result.Top?.Entry.Id); // 免认证要年审吗: the same entry answers
        Assert.Equal(0, understanding.Features.Entry[Moved]);

        var moved = retriever.Understand("那免认证呢", new FollowUpContext("微信认证要多少钱", "verify-wechat-cert"));

        Assert.Equal("cert-free-mode", moved.Result.Top?.Entry.Id);
        Assert.Equal(1, moved.Features.Entry[Moved]);
        Assert.True(moved.Features.Entry[Own] > 0.5, $"own coverage {moved.Features.Entry[Own]}");
    }

    [Theory]
    [InlineData("注册企业微信要经过哪几个阶段", "stages-overview", "最后一个阶段要干啥", "members-import-methods")] // the list's last item
    [InlineData("用表格导入一回最多多少人", "members-template-import", "还要再多的话呢", "members-api-import")] // the way that allows more
    public void AFollowUpReadAsAnItemOfThePreviousAnswersList_ReadsAsContinuingThatAnswer(string previous, string previousEntryId, string message, string entryId)
    {
        var continues = ((IList<string>)DecisionFeatures.EntryNames).IndexOf("follow_up_continues");
        var understanding = retriever.Understand(message, new FollowUpContext(previous, previousEntryId));

        Assert.Equal(entryId, understanding.Result.Top?.Entry.Id);
        Assert.Equal(1, understanding.Features.Entry[continues]);
        Assert.Equal(AnswerKind.Answer, retriever.Decide(understanding).Kind);
    }

    [Fact]
    public void AMessageSayingTheFixDidNotWork_ReadsAsContinuingTheSameEntry()
    {
        var continues = ((IList<string>)DecisionFeatures.EntryNames).IndexOf("follow_up_continues");
        var understanding = retriever.Understand("照做了还是不行", new FollowUpContext("对公打款验证超时怎么办", "failure-bank-transfer-timeout"));

        Assert.True(understanding.FollowUp);
        Assert.Equal("failure-bank-transfer-timeout", understanding.Result.Top?.Entry.Id);
        Assert.Equal(1, understanding.Features.Entry[continues]);
        Assert.Equal(0, retriever.Understand("要多久", new FollowUpContext("对公打款验证超时怎么办", "failure-bank-transfer-timeout")).Features.Entry[continues]);
    }

    [Fact]
    public void AQuestionReadOnItsOwn_HasNoFollowUpReading()
    {
        var understanding = retriever.Understand("免认证要多少钱");

        Assert.Equal(0, understanding.Features.Entry[Moved]);
        Assert.Equal(0, understanding.Features.Entry[Own]);
    }

    [Theory]
    [InlineData("微信认证要多少钱", "verify-wechat-cert", "那免认证呢", "cert-free-mode")]
    [InlineData("个体户最多加多少人", "limit-members-sole-proprietor", "那公司呢", "limit-members-company")]
    [InlineData("扫脸验证要什么材料", "verify-face", "打款的呢", "verify-bank-transfer")]
    [InlineData("个体户最多加多少人", "limit-members-sole-proprietor", "那医院这种事业单位呢", "limit-members-government")] // one topic named twice
    public void AFollowUpAnsweredByTheEntryItsWordsName_IsAnswered(string previous, string previousEntryId, string message, string entryId)
    {
        var understanding = retriever.Understand(message, new FollowUpContext(previous, previousEntryId));
        var answer = retriever.Decide(understanding);

        Assert.True(understanding.FollowUp);
        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Equal(entryId, answer.EntryIds[0]);
    }

    [Theory]
    [InlineData("企业能用哪些功能", "entity-features", "那个体户呢？")] // the answer lists what each kind of organisation may use
    [InlineData("在哪里注册企业微信", "entity-register-entry", "事业单位呢")] // … and where each registers
    [InlineData("对公账户验证需要年审吗", "cert-annual-review", "微信认证呢")]
    public void AFollowUpWhosePreviousAnswerHoldsItsTopic_StaysAndIsAnswered(string previous, string previousEntryId, string message)
    {
        var continues = ((IList<string>)DecisionFeatures.EntryNames).IndexOf("follow_up_continues");
        var understanding = retriever.Understand(message, new FollowUpContext(previous, previousEntryId));
        var answer = retriever.Decide(understanding);

        Assert.Equal(1, understanding.Features.Entry[continues]);
        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Equal(previousEntryId, answer.EntryIds[0]);
    }

    [Theory]
    [InlineData("考勤呢")] // the setup order lists the apps as a step; their own entry is about them
    [InlineData("水印在哪")]
    [InlineData("安全设置具体包括啥")] // a numbered step of the order: its own entry answers it
    public void AFollowUpWhoseTopicThePreviousAnswerOnlyLists_DoesNotReadAsContinuing(string message)
    {
        var continues = ((IList<string>)DecisionFeatures.EntryNames).IndexOf("follow_up_continues");

        Assert.Equal(0, retriever.Understand(message, new FollowUpContext("注册完先配置什么", "setup-order")).Features.Entry[continues]);
    }

    [Fact]
    public void AFollowUpThatMovesToAnEntryThePreviousAnswerPointsTo_ReadsAsContinuing()
    {
        // The free mode's limits point to how to collect payments (related); 那想收款呢 names that entry's own topic.
        var continues = ((IList<string>)DecisionFeatures.EntryNames).IndexOf("follow_up_continues");
        var understanding = retriever.Understand("那想收款呢", new FollowUpContext("免认证有什么限制", "cert-free-mode"));
        var answer = retriever.Decide(understanding);

        Assert.Equal(1, understanding.Features.Entry[Moved]);
        Assert.Equal(1, understanding.Features.Entry[continues]);
        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Equal("cert-payment-feature", answer.EntryIds[0]);

        // After an entry that does not point to it, the same move is no continuation.
        Assert.Equal(0, retriever.Understand("那想收款呢", new FollowUpContext("注册要准备什么材料", "prep-materials-overview")).Features.Entry[continues]);
    }
}
