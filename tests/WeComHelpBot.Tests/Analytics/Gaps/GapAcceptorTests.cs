using WeComHelpBot.Analytics.Gaps;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Tests.Storage;

namespace WeComHelpBot.Tests.Analytics.Gaps;

public sealed class GapAcceptorTests : IDisposable
{
    private readonly TempFolder folder = new();

    public GapAcceptorTests()
    {
        foreach (var file in Directory.GetFiles(TestPaths.RealKnowledge, "*.yaml"))
        {
            File.Copy(file, folder.File(Path.GetFileName(file)));
        }
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void AcceptedQuestion_IsWrittenAndTheKnowledgeBaseStillLoads()
    {
        var entry = KnowledgeLoader.LoadOrThrow(folder.Path).Find("verify-wechat-cert")!;

        var result = GapAcceptor.Accept(folder.Path, entry, "认证费能开发票吗");

        Assert.True(result.Accepted, string.Join("\n", result.Problems));
        Assert.Contains("认证费能开发票吗", KnowledgeLoader.LoadOrThrow(folder.Path).Find("verify-wechat-cert")!.Questions);
    }

    [Fact]
    public void QuestionTheLoaderRejects_IsRolledBack_ByteForByte()
    {
        var entry = KnowledgeLoader.LoadOrThrow(folder.Path).Find("verify-wechat-cert")!;
        var before = File.ReadAllBytes(entry.SourceFile);

        // An exact duplicate example question: the loader refuses the file.
        var result = GapAcceptor.Accept(folder.Path, entry, entry.Questions[0]);

        Assert.False(result.Accepted);
        Assert.Contains(result.Problems, p => p.Contains("重复了"));
        Assert.Equal(before, File.ReadAllBytes(entry.SourceFile));
    }
}
