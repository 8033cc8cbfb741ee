using Microsoft.Extensions.Options;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Knowledge;

/// <summary>English questions against the fixture knowledge base, two of whose entries have an en: block.</summary>
public sealed class EnglishAnswerTests : IDisposable
{
    private readonly KnowledgeIndex index;
    private readonly KnowledgeRetriever retriever;

    public EnglishAnswerTests()
    {
        var options = Options.Create(new RetrievalOptions());
        index = new KnowledgeIndex(KnowledgeLoader.LoadOrThrow(TestPaths.ValidKnowledge), options);
        retriever = new KnowledgeRetriever(index, options);
    }

    public void Dispose() => index.Dispose();

    [Fact]
    public void EnBlock_IsRead()
    {
        var entry = index.Knowledge.Find("member-limits")!;

        Assert.Equal("Member limits – how many people can join", entry.English!.Title);
        Assert.Equal(3, entry.English.Questions.Count);
        Assert.Null(index.Knowledge.Find("security-archive")!.English);
    }

    [Theory]
    [InlineData("How many people can a sole proprietorship add?", "member-limits", "50")]
    [InlineData("how many working days does verification by bank transfer take", "verify-bank-transfer", "1–2 working days")]
    public void EnglishQuestion_IsAnsweredInEnglish(string question, string entryId, string fact)
    {
        var answer = retriever.Answer(question);

        Assert.True(answer.Answered, $"{answer.Kind} {answer.Score}");
        Assert.Equal(entryId, answer.EntryId);
        Assert.True(answer.English);
        Assert.Contains(fact, answer.Text);
        Assert.DoesNotContain("成员", answer.Text);
    }

    [Fact]
    public void EnglishQuestion_WithAChineseTerm_FindsTheEntry() =>
        Assert.Equal("verify-bank-transfer", retriever.Search("How long does 对公打款 verification take?").Top?.Entry.Id);

    [Fact]
    public void BrokenEnBlock_IsReportedWithItsLine()
    {
        var folder = Directory.CreateTempSubdirectory("en-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.yaml"), """
                entries:
                  - id: only-entry
                    title: 成员上限
                    section: 1
                    reviewed: 2026-11-01
                    questions: [能加几个人, 成员上限多少, 最多几个成员, 人数上限, 能放多少人]
                    answer: 企业 200 人。
                    en:
                      title: Member limit
                      colour: blue
                """);

            var result = KnowledgeLoader.Load(folder);

            Assert.Contains(result.Problems, p => p.Line == 10 && p.Message.Contains("colour"));
            Assert.Contains(result.Problems, p => p.Message.Contains("answer") && p.Message.Contains("en"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
