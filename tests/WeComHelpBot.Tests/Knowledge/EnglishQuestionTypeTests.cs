using Microsoft.Extensions.Options;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Decision;

namespace WeComHelpBot.Tests.Knowledge;

/// <summary>English questions are a question type of their own, with their own thresholds in decision.yaml.</summary>
public sealed class EnglishQuestionTypeTests : IDisposable
{
    private const string EnglishQuestion = "What materials do I need to register";

    private readonly KnowledgeIndex index;
    private readonly KnowledgeRetriever retriever;
    private readonly string folder = Directory.CreateTempSubdirectory("decision-english-").FullName;

    public EnglishQuestionTypeTests()
    {
        var options = Options.Create(new RetrievalOptions());
        index = new KnowledgeIndex(KnowledgeLoader.LoadOrThrow(TestPaths.RealKnowledge), options);
        retriever = new KnowledgeRetriever(index, options);
    }

    public void Dispose()
    {
        index.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void EnglishQuestion_IsOfTypeEnglish()
    {
        Assert.Equal(QuestionType.English, retriever.Understand(EnglishQuestion).Type);
        Assert.Equal(QuestionType.Plain, retriever.Understand("注册要准备哪些材料").Type);
    }

    [Fact]
    public void EnglishQuestion_IsDecidedByTheEnglishThresholds()
    {
        var shipped = index.Knowledge.Decision!;
        // Answer anything in the domain, except an English question, whose own threshold no probability reaches.
        var model = new DecisionModel(shipped.Domain, shipped.Entry, 0, 0, 0)
        {
            Types = new Dictionary<QuestionType, TypeDecision> { [QuestionType.English] = new(1.01, 1.01) },
        };

        Assert.Equal((1.01, 1.01), model.Thresholds(QuestionType.English));
        Assert.Equal((0, 0), model.Thresholds(QuestionType.Plain));
        Assert.False(retriever.Decide(retriever.Understand(EnglishQuestion), model).Answered);
        Assert.True(retriever.Decide(retriever.Understand("注册要准备哪些材料"), model).Answered);
    }

    [Fact]
    public void ShippedDecision_HasEnglishThresholds() =>
        Assert.True(index.Knowledge.Decision!.Types.ContainsKey(QuestionType.English));

    [Fact]
    public void TypesSection_EnglishEntry_RoundTrips()
    {
        File.Copy(Path.Combine(TestPaths.ValidKnowledge, "registration.yaml"), Path.Combine(folder, "registration.yaml"));
        LogisticModel Of(IReadOnlyList<string> names) => new(names, names.Select(_ => 0.1).ToList(), -0.25, names.Select(_ => 0.3).ToList(), names.Select(_ => 1.5).ToList());
        var model = new DecisionModel(Of(DecisionFeatures.DomainNames), Of(DecisionFeatures.EntryNames), 0.6, 0.7, 0.4)
        {
            Types = new Dictionary<QuestionType, TypeDecision> { [QuestionType.English] = new(0.55, 0.15) },
        };
        var yaml = DecisionFileWriter.ToYaml(model, []);
        File.WriteAllText(Path.Combine(folder, KnowledgeLoader.DecisionFileName), yaml);

        var result = KnowledgeLoader.Load(folder);

        Assert.Contains("english:", yaml);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal((0.55, 0.15), result.Knowledge.Decision!.Thresholds(QuestionType.English));
        Assert.Equal((0.7, 0.4), result.Knowledge.Decision.Thresholds(QuestionType.Plain));
    }

    [Fact]
    public void TypesSection_WrittenByHand_ReadsEnglish()
    {
        // decision.yaml as a person edits it: the type's name, not the enum's.
        File.Copy(Path.Combine(TestPaths.ValidKnowledge, "registration.yaml"), Path.Combine(folder, "registration.yaml"));
        LogisticModel Of(IReadOnlyList<string> names) => new(names, names.Select(_ => 0.1).ToList(), -0.25, names.Select(_ => 0.3).ToList(), names.Select(_ => 1.5).ToList());
        var yaml = DecisionFileWriter.ToYaml(new DecisionModel(Of(DecisionFeatures.DomainNames), Of(DecisionFeatures.EntryNames), 0.6, 0.7, 0.4), [])
            + "types:\n  english:\n    answer: 0.5\n    clarify: 0.2\n";
        File.WriteAllText(Path.Combine(folder, KnowledgeLoader.DecisionFileName), yaml);

        var result = KnowledgeLoader.Load(folder);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal((0.5, 0.2), result.Knowledge.Decision!.Thresholds(QuestionType.English));
    }
}
