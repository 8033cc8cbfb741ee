using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Knowledge;

/// <summary>A short English message right after an English question is read in its context, as Chinese ones are.</summary>
public sealed class EnglishFollowUpTests
{
    private readonly KnowledgeRetriever retriever = ShippedKnowledge.Retriever;

    [Theory]
    [InlineData("How many members can a company add?", "limit-members-company", "And a sole proprietorship?", "limit-members-sole-proprietor")]
    [InlineData("Which documents must a limited company prepare?", "materials-company", "And a sole proprietor?", "materials-sole-proprietor")] // the materials again, not the member limit
    [InlineData("How many people can a sole proprietorship have?", "limit-members-sole-proprietor", "and for a government agency?", "limit-members-government")]
    public void AShortMessageThatLeansOnTheQuestionBefore_IsReadInItsContext(string previous, string previousEntryId, string message, string entryId)
    {
        Assert.Equal(previousEntryId, retriever.Understand(previous).Result.Top?.Entry.Id);

        var understanding = retriever.Understand(message, new FollowUpContext(previous, previousEntryId));

        Assert.True(understanding.FollowUp);
        Assert.True(understanding.English);
        Assert.Equal(entryId, understanding.Result.Top?.Entry.Id);
    }

    [Fact]
    public void AnEnglishFollowUp_IsAnsweredInEnglish()
    {
        var context = new FollowUpContext("Which documents must a limited company prepare?", "materials-company");

        var answer = retriever.Answer("And a sole proprietor?", context);

        Assert.Equal("materials-sole-proprietor", answer.EntryId);
        Assert.True(answer.English);
    }

    [Fact]
    public void AQuestionOfItsOwn_AfterAnEnglishAnswer_IsNotReadAsAFollowUp()
    {
        // Long enough to stand alone, and it does not lean on the question before.
        var understanding = retriever.Understand("Where do I turn on the screen watermark for chats?", new FollowUpContext("How many members can a company add?", "limit-members-company"));

        Assert.False(understanding.FollowUp);
        Assert.Equal("setup-security", understanding.Result.Top?.Entry.Id);
    }

    [Fact]
    public void AnEnglishMessageAfterAChineseQuestion_IsNotReadAsAFollowUp()
    {
        var understanding = retriever.Understand("And a sole proprietorship?", new FollowUpContext("公司最多能加多少人", "limit-members-company"));

        Assert.False(understanding.FollowUp);
    }
}
