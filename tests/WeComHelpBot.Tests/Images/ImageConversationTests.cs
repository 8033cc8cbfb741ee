using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Images;
using WeComHelpBot.Privacy;

namespace WeComHelpBot.Tests.Images;

/// <summary>Images sent in a conversation, through the whole bot (real knowledge, real flows, real tesseract).</summary>
public sealed class ImageConversationTests : IDisposable
{
    private readonly ServiceProvider services;
    private readonly TestAdapter adapter;
    private readonly IBot bot;

    public ImageConversationTests()
    {
        services = new ServiceCollection()
            .AddWeComHelpBot(new BotPaths { DataDirectory = Directory.CreateTempSubdirectory("wecomhelpbot-tests-").FullName })
            .BuildServiceProvider();
        bot = services.GetRequiredService<IBot>();
        adapter = new TestAdapter(TestAdapter.CreateConversation(nameof(ImageConversationTests))) { Locale = "zh-CN" };
        foreach (var middleware in services.GetServices<IMiddleware>())
        {
            adapter.Use(middleware);
        }
    }

    public void Dispose() => services.Dispose();

    [SkippableFact]
    public async Task LicencePhoto_AfterTypingAMistypedCode_NamesTheDifferingCharacterAndContinuesTheTroubleshooting()
    {
        OcrPrerequisite.Require();
        var replies = new List<string>();

        await new TestFlow(adapter, bot)
            .Send("我填的代码是91350100M0001OOY43，公司叫福州新河网络科技有限公司")
            .AssertReply(_ => { })
            .StartTestAsync();
        await Collect(ImageMessage(TestImages.Licence(TestImages.ValidCode)), replies);

        var all = string.Join("\n", replies);
        Assert.Contains("统一社会信用代码 91350100M000100Y43，校验码正确", all);
        Assert.Contains("第 14 位：您填的是“O”，执照上是“0”", all);
        Assert.Contains("第 15 位：您填的是“O”，执照上是“0”", all);
        Assert.Contains("第 3 个字“新”应为“星”", all);
        Assert.Contains("一字不差吗", all); // the 法人信息校验失败 branch of the troubleshooting flow goes on
    }

    [SkippableFact]
    public async Task LicencePhoto_CodeIsMaskedInTheTranscriptAndTheImageIsNotKept()
    {
        OcrPrerequisite.Require();

        await Collect(ImageMessage(TestImages.Licence(TestImages.ValidCode)), []);

        var transcript = services.GetRequiredService<TranscriptStore>();
        var lines = (await transcript.GetConversationAsync(nameof(ImageConversationTests))).Select(l => l.Text ?? string.Empty).ToList();
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, l => l.Contains(TestImages.ValidCode, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("base64", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData("企业信息与工商登记信息不一致，请核对后重新提交", "对照营业执照")]
    [InlineData("对公打款验证超时，请重新发起验证", "流水号")]
    [InlineData("导入失败：该手机号已被企业内其他成员使用", "已停用")]
    public async Task ErrorScreenshot_GetsTheFixOfThatFailure(string error, string expected)
    {
        OcrPrerequisite.Require();
        var replies = new List<string>();

        await Collect(ImageMessage(TestImages.ErrorScreenshot(error)), replies);

        Assert.StartsWith("我从截图里读到", replies[0]);
        Assert.Contains(expected, string.Join("\n", replies));
    }

    [SkippableFact]
    public async Task ScreenshotOfSomethingUnknown_SaysWhatWasReadAndOffersAPerson()
    {
        OcrPrerequisite.Require();
        var replies = new List<string>();

        await Collect(ImageMessage(TestImages.ErrorScreenshot("今天天气晴朗，适合出门散步")), replies);

        var reply = Assert.Single(replies);
        Assert.Contains("今天天气晴朗", reply);
        Assert.Contains("转人工", reply);
    }

    [SkippableFact]
    public async Task MemberListPhoto_AsksForTheExcelOrCsvFile()
    {
        OcrPrerequisite.Require();
        var replies = new List<string>();

        await Collect(ImageMessage(TestImages.MemberList()), replies);

        Assert.Equal([ImageTexts.MemberList], replies);
    }

    [Fact]
    public async Task ImageOverTheByteLimit_IsRefusedBeforeReading()
    {
        var replies = new List<string>();

        await Collect(ImageMessage(new byte[6 * 1024 * 1024]), replies);

        Assert.Equal([ImageTexts.CouldNotRead(ImageTexts.TooManyBytes(new ImageOptions().MaxImageBytes))], replies);
    }

    [Fact]
    public async Task ImageAtALocalPath_IsNeverRead()
    {
        var replies = new List<string>();
        var message = MessageFactory.Attachment(new Attachment("image/png", "file:///etc/passwd"));

        await Collect(message, replies);

        Assert.Single(replies);
        Assert.StartsWith("这张图片没法读取", replies[0]);
    }

    private static IMessageActivity ImageMessage(byte[] image) =>
        MessageFactory.Attachment(new Attachment("image/png", "data:image/png;base64," + Convert.ToBase64String(image), name: "截图.png"));

    /// <summary>Sends one activity and collects every reply of that turn.</summary>
    private async Task Collect(IActivity activity, List<string> replies)
    {
        await adapter.ProcessActivityAsync((Activity)activity, bot.OnTurnAsync, CancellationToken.None);
        while (adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply.AsMessageActivity()?.Text ?? string.Empty);
        }
    }
}
