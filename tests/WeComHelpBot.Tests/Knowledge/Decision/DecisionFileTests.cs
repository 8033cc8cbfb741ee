using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Decision;

namespace WeComHelpBot.Tests.Knowledge.Decision;

public sealed class DecisionFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("decision-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static DecisionModel Model()
    {
        LogisticModel Of(IReadOnlyList<string> names) => new(names, names.Select((_, i) => 0.5 - (i * 0.1)).ToList(), -0.25, names.Select(_ => 0.3).ToList(), names.Select(_ => 1.5).ToList());
        return new DecisionModel(Of(DecisionFeatures.DomainNames), Of(DecisionFeatures.EntryNames), 0.6, 0.7, 0.4);
    }

    [Fact]
    public void WrittenModel_LoadsBackTheSame()
    {
        foreach (var file in Directory.GetFiles(TestPaths.ValidKnowledge))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(folder, KnowledgeLoader.DecisionFileName), DecisionFileWriter.ToYaml(Model(), ["test"]));

        var result = KnowledgeLoader.Load(folder);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var loaded = result.Knowledge.Decision!;
        Assert.Equal(0.7, loaded.AnswerThreshold);
        Assert.Equal(Model().Entry.Weights.Select(w => Math.Round(w, 6)), loaded.Entry.Weights);
        var features = new DecisionFeatures(DecisionFeatures.DomainNames.Select(_ => 0.5).ToList(), DecisionFeatures.EntryNames.Select(_ => 0.5).ToList());
        Assert.Equal(Model().Score(features), loaded.Score(features), 9);
    }

    [Fact]
    public void BrokenModel_IsReportedWithItsLine()
    {
        File.Copy(Path.Combine(TestPaths.ValidKnowledge, "registration.yaml"), Path.Combine(folder, "registration.yaml"));
        var yaml = DecisionFileWriter.ToYaml(Model(), []).Replace("  clarify: 0.4", "  clarify: 0.9").Replace("margin: { weight: 0.4,", "margin: { weight: lots,");
        File.WriteAllText(Path.Combine(folder, KnowledgeLoader.DecisionFileName), yaml);

        var result = KnowledgeLoader.Load(folder);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.File.EndsWith("decision.yaml") && p.Message.Contains("clarify"));
        var marginLine = yaml.Split('\n').ToList().FindIndex(l => l.Contains("margin:")) + 1;
        Assert.Contains(result.Problems, p => p.Line == marginLine && p.Message.Contains("weight"));
    }

    [Fact]
    public void TypesSection_LoadsBackTheSame()
    {
        File.Copy(Path.Combine(TestPaths.ValidKnowledge, "registration.yaml"), Path.Combine(folder, "registration.yaml"));
        var own = Model().Entry with { Bias = 1.5 };
        var model = Model() with
        {
            Types = new Dictionary<QuestionType, TypeDecision>
            {
                [QuestionType.Comparison] = new(0.55, 0.1),
                [QuestionType.FollowUp] = new(0.65, 0.2, own),
            },
        };
        File.WriteAllText(Path.Combine(folder, KnowledgeLoader.DecisionFileName), DecisionFileWriter.ToYaml(model, []));

        var result = KnowledgeLoader.Load(folder);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var loaded = result.Knowledge.Decision!;
        Assert.Equal((0.55, 0.1), loaded.Thresholds(QuestionType.Comparison));
        Assert.Null(loaded.Types[QuestionType.Comparison].Entry);
        Assert.Equal(1.5, loaded.Types[QuestionType.FollowUp].Entry!.Bias);
        Assert.Equal((0.7, 0.4), loaded.Thresholds(QuestionType.Plain));
    }

    [Fact]
    public void TypesSection_UnknownTypeOrClarifyAboveAnswer_IsReported()
    {
        File.Copy(Path.Combine(TestPaths.ValidKnowledge, "registration.yaml"), Path.Combine(folder, "registration.yaml"));
        var yaml = DecisionFileWriter.ToYaml(Model(), []) + "types:\n  comparison:\n    answer: 0.3\n    clarify: 0.5\n  rhetorical:\n    answer: 0.5\n    clarify: 0.1\n";
        File.WriteAllText(Path.Combine(folder, KnowledgeLoader.DecisionFileName), yaml);

        var result = KnowledgeLoader.Load(folder);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Message.Contains("comparison") && p.Message.Contains("clarify"));
        Assert.Contains(result.Problems, p => p.Message.Contains("rhetorical"));
    }
}
