using Microsoft.Extensions.Options;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Knowledge;

/// <summary>A Latin canonical synonym (API) stays a word of its own beside other synonyms and beside Chinese letters.</summary>
public sealed class SynonymSpacingTests
{
    private readonly SynonymMap map = new([["API", "api", "开放接口", "接口"]]);

    [Theory]
    [InlineData("API接口")]
    [InlineData("API接口导入成员")]
    public void TwoSynonymsSideBySide_AreTwoWords_NotOneGluedToken(string text)
    {
        using var analyzer = new KnowledgeAnalyzer(map);

        var terms = analyzer.Terms(KnowledgeIndex.TitleField, text).ToList();

        // Before the canonical word was spaced, API接口 became APIAPI: one token no entry uses.
        Assert.Equal(2, terms.Count(t => string.Equals(t, "api", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(terms, t => t.Contains("apiapi", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ApiInterface_AloneIsAnsweredWithTheApiImport()
    {
        var options = Options.Create(new RetrievalOptions());
        using var index = new KnowledgeIndex(KnowledgeLoader.LoadOrThrow(TestPaths.RealKnowledge), options);
        var retriever = new KnowledgeRetriever(index, options);

        var answer = retriever.Answer("API接口");

        Assert.True(answer.Answered && answer.EntryId == "members-api-import", $"{answer.Kind} {answer.EntryId} ({answer.Score})");
    }
}
