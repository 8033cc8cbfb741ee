using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeComHelpBot.Analytics.Gaps;
using WeComHelpBot.Bot;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Tests.Storage;

namespace WeComHelpBot.Tests.Analytics.Gaps;

/// <summary>Knowledge changes from the console: validated, checked by the eval, then live without a restart — or refused and undone.</summary>
public sealed class GapEditorTests : IDisposable
{
    private const string NewTopic = "企业微信的年费能开增值税专票吗";

    private readonly TempFolder folder = new();
    private readonly ServiceProvider services;
    private readonly GapEditorOptions options = new() { EvalSet = TestPaths.RealEvalSet };

    public GapEditorTests()
    {
        foreach (var file in Directory.GetFiles(TestPaths.RealKnowledge, "*.yaml"))
        {
            File.Copy(file, folder.File(Path.GetFileName(file)));
        }

        var collection = new ServiceCollection();
        collection.AddLogging();
        var paths = new BotPaths { KnowledgeDirectory = folder.Path, DataDirectory = folder.Path };
        collection.AddSingleton(paths);
        collection.AddKnowledge(paths);
        collection.AddSingleton(Options.Create(options));
        collection.AddSingleton<GapEditor>();
        services = collection.BuildServiceProvider();
    }

    private GapEditor Editor => services.GetRequiredService<GapEditor>();

    private IKnowledgeAnswerer Bot => services.GetRequiredService<IKnowledgeAnswerer>();

    public void Dispose()
    {
        services.Dispose();
        folder.Dispose();
    }

    private static NewEntryDraft Draft(params string[] questions) => new(
        "invoice-annual-fee", "年费发票怎么开", 7, ["发票", "年费"], questions,
        "企业微信的付费服务可以在管理后台「费用与账单」里申请发票。", []);

    [Fact]
    public async Task NewEntry_IsSaved_AndTheRunningBotAnswersFromItWithoutARestart()
    {
        Assert.NotEqual("invoice-annual-fee", Bot.Answer(NewTopic).EntryId);

        var result = await Editor.AddEntryAsync(Draft(NewTopic, "年费发票在哪开", "企微付费了怎么要发票", "企业微信开票咋弄", "年费可以开专票不"));

        Assert.True(result.Saved, string.Join("\n", result.Problems));
        Assert.Equal("console.yaml", result.File);
        var answer = Bot.Answer(NewTopic);
        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Equal("invoice-annual-fee", answer.EntryId);
        Assert.NotNull(services.GetRequiredService<IKnowledgeReloader>().Current.Knowledge.Find("invoice-annual-fee"));
        Assert.NotNull(KnowledgeLoader.LoadOrThrow(folder.Path).Find("invoice-annual-fee"));
    }

    [Fact]
    public async Task DraftThatFailsValidation_IsRefusedWithTheReason_AndNoFileIsLeft()
    {
        var before = services.GetRequiredService<IKnowledgeReloader>().Current;

        var result = await Editor.AddEntryAsync(Draft(NewTopic, "年费发票在哪开"));

        Assert.False(result.Saved);
        Assert.Contains(result.Problems, p => p.Contains("console.yaml", StringComparison.Ordinal));
        Assert.False(File.Exists(folder.File("console.yaml")));
        Assert.Same(before, services.GetRequiredService<IKnowledgeReloader>().Current);
    }

    [Fact]
    public async Task AcceptedQuestion_IsLiveAtOnce()
    {
        const string question = "认证费可以走对公转账付吗我们没有微信支付";

        var result = await Editor.AcceptAsync("verify-wechat-cert", question);

        Assert.True(result.Saved, string.Join("\n", result.Problems));
        Assert.Contains(question, services.GetRequiredService<IKnowledgeReloader>().Current.Knowledge.Find("verify-wechat-cert")!.Questions);
        Assert.Equal("verify-wechat-cert", Bot.Answer(question).EntryId);
    }

    [Fact]
    public async Task ChangeThatBreaksTheEval_IsRefused_AndTheFileIsPutBackByteForByte()
    {
        // A two-question eval: one in scope, one the bot must not answer. Accepting the out-of-scope question into an
        // entry makes the bot answer it, so rejection falls from 100 % to 0 %.
        var eval = folder.File("eval.jsonl");
        await File.WriteAllLinesAsync(eval, [
            """{"question": "人脸识别老失败咋办", "expected": "verify-face"}""",
            """{"question": "今天北京天气咋样", "expected": null}""",
        ]);
        options.EvalSet = eval;
        var entry = services.GetRequiredService<IKnowledgeReloader>().Current.Knowledge.Find("verify-face")!;
        var before = await File.ReadAllBytesAsync(entry.SourceFile);
        var current = services.GetRequiredService<IKnowledgeReloader>().Current;

        var result = await Editor.AcceptAsync("verify-face", "今天北京天气咋样");

        Assert.False(result.Saved);
        Assert.Contains(result.Problems, p => p.Contains("拒答率", StringComparison.Ordinal));
        Assert.Equal(before, await File.ReadAllBytesAsync(entry.SourceFile));
        Assert.Same(current, services.GetRequiredService<IKnowledgeReloader>().Current);
        Assert.NotEqual("verify-face", Bot.Answer("今天北京天气咋样").EntryId);
    }

    [Fact]
    public async Task MissingEvalSet_RefusesTheChange()
    {
        options.EvalSet = folder.File("no-such-eval.jsonl");

        var result = await Editor.AcceptAsync("verify-wechat-cert", "认证费可以走对公转账付吗我们没有微信支付");

        Assert.False(result.Saved);
        Assert.Contains(result.Problems, p => p.Contains("找不到评测集", StringComparison.Ordinal));
    }
}
