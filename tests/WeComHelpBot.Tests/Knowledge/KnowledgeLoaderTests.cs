using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Knowledge;

public sealed class KnowledgeLoaderTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "kb-loader-" + Guid.NewGuid().ToString("N"));

    public KnowledgeLoaderTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, true);

    [Fact]
    public void ValidFixture_LoadsEveryEntryAndSynonymGroup()
    {
        var result = KnowledgeLoader.Load(TestPaths.ValidKnowledge);

        Assert.Empty(result.Problems);
        Assert.Equal(4, result.Knowledge.Entries.Count);
        Assert.Equal(3, result.Knowledge.Synonyms.Groups.Count);
        var entry = result.Knowledge.Find("verify-bank-transfer")!;
        Assert.Equal(2, entry.Section);
        Assert.Equal(new DateOnly(2026, 11, 1), entry.Reviewed);
        Assert.Equal(["bank-transfer-timeout"], entry.Related);
        Assert.Equal(18, entry.Line);
    }

    [Fact]
    public void MalformedYaml_IsReportedWithFileAndLine()
    {
        var file = Write("bad.yaml", "entries:\n  - id: a\n    title: [未闭合\n    answer: x\n");

        var problem = Assert.Single(KnowledgeLoader.Load(directory).Problems);

        Assert.Equal(file, problem.File);
        Assert.True(problem.Line >= 3, $"line {problem.Line}");
        Assert.Contains("YAML 格式错误", problem.Message);
        Assert.StartsWith($"{file}:{problem.Line}: ", problem.ToString());
    }

    [Fact]
    public void EntryWithoutAKeyName_IsReportedAtItsLine_NotThrown()
    {
        var file = Write("bad.yaml", "entries:\n  - id: a\n    title: 标题\n  - : id: b\n");

        var problem = Assert.Single(KnowledgeLoader.Load(directory).Problems);

        Assert.Equal(file, problem.File);
        Assert.Equal(4, problem.Line);
        Assert.Contains("YAML 格式错误", problem.Message);
    }

    [Fact]
    public void BadIndentation_IsReportedAtItsLine()
    {
        var file = Write("bad.yaml", "entries:\n  - id: a\n    title: 标题\n   section: 1\n");

        var problem = Assert.Single(KnowledgeLoader.Load(directory).Problems);

        Assert.Equal(file, problem.File);
        Assert.Equal(4, problem.Line);
        Assert.Contains("YAML 格式错误", problem.Message);
    }

    [Fact]
    public void MissingField_NamesTheEntryAndItsLine()
    {
        var file = Write("a.yaml", Entry("ok-entry") + "  - id: no-answer\n    title: 没有回答\n    section: 1\n    reviewed: 2026-11-01\n    questions: [一, 二, 三, 四, 五]\n");

        var problem = Assert.Single(KnowledgeLoader.Load(directory).Problems);

        Assert.Equal(new KnowledgeProblem(file, 9, "条目 no-answer 缺少字段 answer"), problem);
    }

    [Fact]
    public void DuplicateId_AcrossFiles_PointsToBothPlaces()
    {
        var first = Write("a.yaml", Entry("same-id"));
        var second = Write("b.yaml", Entry("same-id"));

        var problem = Assert.Single(KnowledgeLoader.Load(directory).Problems);

        Assert.Equal(second, problem.File);
        Assert.Equal(2, problem.Line);
        Assert.Contains($"第一次出现在 {first}:2", problem.Message);
    }

    [Fact]
    public void DanglingRelatedId_IsReported()
    {
        var file = Write("a.yaml", Entry("lonely", related: "[missing-one]"));

        var problem = Assert.Single(KnowledgeLoader.Load(directory).Problems);

        Assert.Equal(new KnowledgeProblem(file, 2, "条目 lonely 的 related 里的 missing-one 不存在"), problem);
    }

    [Fact]
    public void FewerThanFiveQuestions_IsReportedAtTheQuestionsLine()
    {
        var file = Write("a.yaml", Entry("few", questions: "[一, 二, 三]"));

        var problem = Assert.Single(KnowledgeLoader.Load(directory).Problems);

        Assert.Equal(new KnowledgeProblem(file, 6, "条目 few 只有 3 个示例问题，至少要 5 个"), problem);
    }

    [Theory]
    [InlineData("section: 9", "reviewed: 2026-11-01", "section “9” 应当是 1 到 8 的整数", 4)]
    [InlineData("section: 第一章", "reviewed: 2026-11-01", "section “第一章” 应当是 1 到 8 的整数", 4)]
    [InlineData("section: 1", "reviewed: 2026-02-30", "reviewed “2026-02-30” 不是 YYYY-MM-DD 格式的日期", 5)]
    [InlineData("section: 1", "reviewed: 去年", "reviewed “去年” 不是 YYYY-MM-DD 格式的日期", 5)]
    public void BadSectionOrReviewedDate_IsReported(string section, string reviewed, string message, int line)
    {
        var file = Write("a.yaml", $"entries:\n  - id: x\n    title: 标题\n    {section}\n    {reviewed}\n    questions: [一, 二, 三, 四, 五]\n    answer: 回答\n");

        var problem = Assert.Single(KnowledgeLoader.Load(directory).Problems);

        Assert.Equal(file, problem.File);
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void MisspelledField_IsReportedInsteadOfIgnored()
    {
        var file = Write("a.yaml", Entry("typo").Replace("    answer:", "    answr:"));

        var problems = KnowledgeLoader.Load(directory).Problems;

        Assert.Contains(problems, p => p.File == file && p.Line == 7 && p.Message.StartsWith("未知字段 answr"));
        Assert.Contains(problems, p => p.Message == "条目 typo 缺少字段 answer");
    }

    [Fact]
    public void SynonymWordInTwoGroups_IsReported()
    {
        Write("a.yaml", Entry("one"));
        var file = Write("synonyms.yaml", "synonyms:\n  - [法定代表人, 法人]\n  - [法人代表, 法人]\n");

        var problem = Assert.Single(KnowledgeLoader.Load(directory).Problems);

        Assert.Equal(new KnowledgeProblem(file, 3, "“法人”已经出现在第 2 行的同义词组里"), problem);
    }

    [Fact]
    public void EnglishSynonyms_AreRead_AndTheirMistakesReportedWithTheLine()
    {
        Write("a.yaml", Entry("one"));
        Write("synonyms.yaml", "synonyms:\n  - [法定代表人, 法人]\nenglish:\n  - [fee, Cost, at a time]\n");

        var result = KnowledgeLoader.Load(directory);

        Assert.Empty(result.Problems);
        Assert.Equal(["fee", "cost", "at a time"], Assert.Single(result.Knowledge.Synonyms.EnglishGroups));
        Assert.NotNull(result.Knowledge.Synonyms.EnglishMap);

        var file = Write("synonyms.yaml", "synonyms:\n  - [法定代表人, 法人]\nenglish:\n  - [fee, cost]\n  - [price, Cost]\n  - [batch]\n");
        var problems = KnowledgeLoader.Load(directory).Problems;

        Assert.Contains(new KnowledgeProblem(file, 5, "“Cost”已经出现在第 4 行的同义词组里"), problems);
        Assert.Contains(new KnowledgeProblem(file, 6, "一组同义词至少要有两个词"), problems);

        file = Write("synonyms.yaml", "synonyms:\n  - [法定代表人, 法人]\nenglish: fee\n");
        Assert.Equal(3, Assert.Single(KnowledgeLoader.Load(directory).Problems, p => p.File == file).Line);
    }

    [Fact]
    public void AspectsFile_IsReadAsAspects_NotAsEntries()
    {
        Write("a.yaml", Entry("one"));
        Write("aspects.yaml", "aspects:\n  - name: 时间\n    asks: [快, 多久]\n    covers: [最快]\n");

        var result = KnowledgeLoader.Load(directory);

        Assert.Empty(result.Problems);
        var aspect = Assert.Single(result.Knowledge.Aspects);
        Assert.Equal("时间", aspect.Name);
        Assert.Equal(["快", "多久"], aspect.Asks);
        Assert.Equal(["最快"], aspect.Covers);
        Assert.Equal(["one"], result.Knowledge.Entries.Select(e => e.Id));
    }

    [Fact]
    public void AspectPerTopic_IsReadAndDefaultsToFalse()
    {
        Write("a.yaml", Entry("one"));
        Write("aspects.yaml", "aspects:\n  - name: 时间\n    asks: [快]\n    covers: [最快]\n    per_topic: true\n  - name: 年审\n    asks: [年审]\n    covers: [年审]\n");

        var result = KnowledgeLoader.Load(directory);

        Assert.Empty(result.Problems);
        Assert.Equal([true, false], result.Knowledge.Aspects.Select(a => a.PerTopic));
    }

    [Theory]
    [InlineData("    asks: [快]\n", "covers")] // no covering words
    [InlineData("    asks: [快]\n    covers: [最快]\n    per_topic: yes please\n", "per_topic")] // neither true nor false
    public void AspectOfTheWrongShape_IsReportedWithItsLine(string fields, string named)
    {
        Write("a.yaml", Entry("one"));
        var file = Write("aspects.yaml", "aspects:\n  - name: 时间\n" + fields);

        var problem = Assert.Single(KnowledgeLoader.Load(directory).Problems);

        Assert.Equal((file, 2), (problem.File, problem.Line));
        Assert.Contains(named, problem.Message);
    }

    [Fact]
    public void MissingDirectory_IsAProblemNotACrash()
    {
        var result = KnowledgeLoader.Load(Path.Combine(directory, "nope"));

        Assert.Contains("目录不存在", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void LoadOrThrow_ListsEveryProblemInTheMessage()
    {
        var ex = Assert.Throws<KnowledgeLoadException>(() => KnowledgeLoader.LoadOrThrow(TestPaths.BrokenKnowledge));

        Assert.True(ex.Problems.Count >= 5, string.Join("\n", ex.Problems));
        Assert.All(ex.Problems, p => Assert.Contains(p.ToString(), ex.Message));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Entry(string id, string questions = "[一, 二, 三, 四, 五]", string related = "[]") =>
        $"entries:\n  - id: {id}\n    title: 标题\n    section: 1\n    reviewed: 2026-11-01\n    questions: {questions}\n    answer: 回答\n    related: {related}\n";
}
