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

    [Fact]
    public void OneTopic_AskingNoTitledAspect_StaysWithTheTopicsEntry()
    {
        var understanding = retriever.Understand("免认证有什么限制");

        Assert.Equal("cert-free-mode", Assert.Single(understanding.Shown).Id);
    }
}
