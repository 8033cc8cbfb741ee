using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Knowledge;

/// <summary>A one-topic question that asks an aspect (knowledge/aspects.yaml) is answered by the entry titled with it.</summary>
public sealed class AspectEntryTests
{
    private readonly KnowledgeRetriever retriever = ShippedKnowledge.Retriever;

    [Fact]
    public void OneTopic_AskingAnAspect_ShowsTheEntryTitledWithIt()
    {
        // 年审 is asked of the free mode: the annual review's entry answers it, not the free mode's page.
        var understanding = retriever.Understand("免认证要年审吗");

        Assert.Equal("cert-annual-review", Assert.Single(understanding.Shown).Id);
        Assert.Equal("cert-annual-review", understanding.Result.Top?.Entry.Id);
    }

    [Theory]
    [InlineData("微信认证做一次能管多长时间")] // 管多久 asks how long it stays valid, not how long it takes
    [InlineData("对公账户验证做完能管几年")]
    public void OneTopic_AskingHowLongItHolds_IsAnsweredByTheAnnualReview(string question)
    {
        var answer = retriever.Answer(question);

        Assert.True(answer.Answered, $"{question} → {answer.Kind} {answer.EntryId}");
        Assert.Equal("cert-annual-review", answer.EntryId);
    }

    [Theory]
    [InlineData("对公打款验证要几天", "verify-bank-transfer")] // 时间 is per_topic: each method's entry says how long it takes
    [InlineData("人脸识别验证多久能通过", "verify-face")]
    public void OneTopic_AskingAnAspectItsOwnEntryStates_IsAnsweredByThatEntry(string question, string entryId)
    {
        var answer = retriever.Answer(question);

        Assert.True(answer.Answered, $"{question} → {answer.Kind} {answer.EntryId}");
        Assert.Equal(entryId, answer.EntryId);
    }

    [Fact]
    public void OneTopic_AskingNoTitledAspect_StaysWithTheTopicsEntry()
    {
        var understanding = retriever.Understand("免认证有什么限制");

        Assert.Equal("cert-free-mode", Assert.Single(understanding.Shown).Id);
    }
}
