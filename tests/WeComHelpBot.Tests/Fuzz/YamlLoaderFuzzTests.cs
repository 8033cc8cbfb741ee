using WeComHelpBot.Bot;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Fuzz;

/// <summary>Random mutations of the real knowledge/ and dialogs/ files: each loads or is refused with file:line, never a crash.</summary>
public sealed class YamlLoaderFuzzTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void MutatedKnowledgeFiles_LoadOrReportFileAndLine(int seed)
    {
        var source = ContentLocator.Find("knowledge");
        var files = Directory.GetFiles(source, "*.yaml").Order(StringComparer.Ordinal).ToArray();
        var random = new Random(seed);
        var folder = Directory.CreateTempSubdirectory("wecomhelpbot-fuzz-kb-");
        try
        {
            for (var i = 0; i < 80; i++)
            {
                foreach (var file in files)
                {
                    File.Copy(file, Path.Combine(folder.FullName, Path.GetFileName(file)), overwrite: true);
                }

                var victim = files[random.Next(files.Length)];
                var mutated = FuzzText.Mutate(random, File.ReadAllText(victim));
                File.WriteAllText(Path.Combine(folder.FullName, Path.GetFileName(victim)), mutated);

                var result = KnowledgeLoader.Load(folder.FullName);

                Assert.All(result.Problems, p =>
                {
                    Assert.False(string.IsNullOrWhiteSpace(p.File), $"case {i}: a problem without a file: {p}");
                    Assert.True(p.Line >= 1, $"case {i}: a problem without a line: {p}");
                    Assert.False(string.IsNullOrWhiteSpace(p.Message), $"case {i}: a problem without a message: {p}");
                });
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void MutatedFlowFiles_LoadOrReportFileAndLine(int seed)
    {
        var files = Directory.GetFiles(ContentLocator.Find("dialogs"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => (File: Path.GetFileName(f), Text: File.ReadAllText(f)))
            .ToArray();
        var random = new Random(seed);
        for (var i = 0; i < 150; i++)
        {
            var victim = random.Next(files.Length);
            var mutated = files.Select((f, index) => index == victim ? (f.File, FuzzText.Mutate(random, f.Text)) : f).ToList();

            var (_, errors) = FlowLoader.Load(mutated);

            Assert.All(errors, e =>
            {
                Assert.False(string.IsNullOrWhiteSpace(e.File), $"case {i}: an error without a file: {e}");
                Assert.True(e.Line >= 1, $"case {i}: an error without a line: {e}");
                Assert.False(string.IsNullOrWhiteSpace(e.Problem), $"case {i}: an error without a message: {e}");
            });
        }
    }
}
