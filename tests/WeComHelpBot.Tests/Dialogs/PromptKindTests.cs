using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Dialogs;
using WeComHelpBot.Dialogs.Choices;
using WeComHelpBot.Dialogs.Prompts;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Tests.Dialogs;

/// <summary>Each prompt kind with answers written the way users write them.</summary>
public sealed class PromptKindTests
{
    private static readonly List<Choice> VerificationChoices =
    [
        new("微信认证", ["认证", "微信"]),
        new("人脸识别", ["刷脸", "扫脸"]),
        new("对公打款", ["打款", "对公账户"]),
    ];

    /// <summary>Prompts once, then reports what the prompt returned (or that it asked again).</summary>
    private static Task AskAsync(Dialog prompt, PromptOptions options, string answer, string expected)
    {
        var harness = new DialogTestHarness();
        harness.Dialogs.Add(prompt);
        harness.Dialogs.Add(new WaterfallDialog("root", [
            (step, ct) => step.PromptAsync(prompt.Id, options, ct),
            (step, ct) => step.EndDialogAsync(step.Result switch
            {
                FoundChoice c => c.Value,
                WeComHelpBot.Recognition.ElapsedTime e => $"{e.Since:yyyy-MM-dd}/{e.WorkingDays}",
                var other => other,
            }, ct),
        ]));

        return harness.Flow().Send("hi").AssertReply(_ => { }).Send(answer).AssertReply(expected).StartTestAsync();
    }

    [Theory]
    [InlineData("人脸识别", "人脸识别")]
    [InlineData("人脸识别吧", "人脸识别")]
    [InlineData("那就人脸识别吧", "人脸识别")]
    [InlineData("刷脸", "人脸识别")]
    [InlineData("我选第二个", "人脸识别")]
    [InlineData("第二个", "人脸识别")]
    [InlineData("第2个", "人脸识别")]
    [InlineData("2", "人脸识别")]
    [InlineData("选3", "对公打款")]
    [InlineData("第三个吧", "对公打款")]
    [InlineData("对公打款那个", "对公打款")]
    [InlineData("人脸的", "人脸识别")]
    [InlineData("微信认证！", "微信认证")]
    [InlineData("ＷＥＩＸＩＮ认证", "微信认证")]
    public Task ChoicePrompt_RecognizesTheWaysUsersPick(string answer, string expected) =>
        AskAsync(new ChoicePrompt("choice"), new PromptOptions { Prompt = "选哪种？", Choices = VerificationChoices, RetryPrompt = "没对上" }, answer, $"完成：{expected}");

    [Theory]
    [InlineData("随便")]
    [InlineData("5")]
    [InlineData("第五个")]
    [InlineData("人脸识别要多久啊？")]
    public Task ChoicePrompt_DoesNotGuess(string answer) =>
        AskAsync(new ChoicePrompt("choice"), new PromptOptions { Prompt = "选哪种？", Choices = VerificationChoices, RetryPrompt = "没对上" }, answer, "没对上\n(1) 微信认证　(2) 人脸识别　(3) 对公打款");

    [Theory]
    [InlineData("是", true)]
    [InlineData("是的", true)]
    [InlineData("对", true)]
    [InlineData("好的", true)]
    [InlineData("可以", true)]
    [InlineData("有", true)]
    [InlineData("有的", true)]
    [InlineData("行", true)]
    [InlineData("没问题", true)]
    [InlineData("嗯", true)]
    [InlineData("嗯嗯", true)]
    [InlineData("yes", true)]
    [InlineData("OK", true)]
    [InlineData("1", true)]
    [InlineData("有的，都在手上", true)]
    [InlineData("不", false)]
    [InlineData("不是", false)]
    [InlineData("没有", false)]
    [InlineData("还没有呢", false)]
    [InlineData("不用", false)]
    [InlineData("算了", false)]
    [InlineData("no", false)]
    [InlineData("2", false)]
    [InlineData("没有营业执照", false)]
    public Task ConfirmPrompt_RecognizesEverydayYesAndNo(string answer, bool expected) =>
        AskAsync(new ConfirmPrompt("confirm"), new PromptOptions { Prompt = "准备好了吗？" }, answer, $"完成：{expected}");

    [Theory]
    [InlineData("问题挺难的")]
    [InlineData("有没有别的办法")]
    public Task ConfirmPrompt_AsksAgain_WhenTheAnswerIsNeither(string answer) =>
        AskAsync(new ConfirmPrompt("confirm"), new PromptOptions { Prompt = "准备好了吗？", RetryPrompt = "是还是不是？" }, answer, "是还是不是？\n(1) 是　(2) 不是");

    [Theory]
    [InlineData("大概三百人", "300")]
    [InlineData("120个员工", "120")]
    [InlineData("一百二十人", "120")]
    [InlineData("差不多1000", "1000")]
    [InlineData("两百多", "200")]
    [InlineData("８０", "80")]
    public Task NumberPrompt_ReadsNumbersInSentences(string answer, string expected) =>
        AskAsync(new NumberPrompt("number"), new PromptOptions { Prompt = "多少人？" }, answer, $"完成：{expected}");

    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("我的手机 138 1234 5678", "13812345678")]
    [InlineData("+86 138-1234-5678", "13812345678")]
    [InlineData("手机号是19912345678谢谢", "19912345678")]
    public Task PhoneNumberPrompt_ReadsChineseMobileNumbers(string answer, string expected) =>
        AskAsync(new PhoneNumberPrompt("phone"), new PromptOptions { Prompt = "手机号？" }, answer, $"完成：{expected}");

    [Theory]
    [InlineData("12345")]
    [InlineData("010-12345678")]
    [InlineData("12812345678")]
    public Task PhoneNumberPrompt_RejectsWhatIsNotAMobileNumber_SayingWhy(string answer) =>
        AskAsync(new PhoneNumberPrompt("phone"), new PromptOptions { Prompt = "手机号？", RetryPrompt = "不像手机号" }, answer, $"{PhoneNumberRecognition.DescribeProblem(answer)}\n不像手机号");

    [Theory]
    [InlineData("12345", "5 位")]
    [InlineData("1381234567", "10 位")]
    [InlineData("010-12345678", "座机号")]
    [InlineData("12812345678", "以 13–19 开头")]
    [InlineData("不告诉你", "没看到号码")]
    public void PhoneProblem_NamesWhatIsWrong(string answer, string expected) =>
        Assert.Contains(expected, PhoneNumberRecognition.DescribeProblem(answer));

    // 2026-11-25 is a Wednesday.
    [Theory]
    [InlineData("3天前", "2026-11-22/3")]
    [InlineData("上周五", "2026-11-20/3")]
    [InlineData("上周五打的", "2026-11-20/3")]
    [InlineData("两个工作日了", "2026-11-23/2")]
    [InlineData("打款已经3天了", "2026-11-22/3")]
    [InlineData("昨天下午", "2026-11-24/1")]
    [InlineData("今天上午刚打", "2026-11-25/0")]
    [InlineData("11月20号", "2026-11-20/3")]
    public Task DateTimePrompt_ReadsDatesAndElapsedTime_AgainstTheGivenClock(string answer, string expected)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        return AskAsync(new DateTimePrompt("date", clock), new PromptOptions { Prompt = "哪天打的款？" }, answer, $"完成：{expected}");
    }

    [Theory]
    [InlineData("不记得了")]
    [InlineData("下周一")]
    public Task DateTimePrompt_AsksAgain_ForNoDateOrAFutureOne(string answer)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        return AskAsync(new DateTimePrompt("date", clock), new PromptOptions { Prompt = "哪天打的款？", RetryPrompt = "哪天？" }, answer, "哪天？");
    }

    [Fact]
    public Task TextPrompt_TakesTheTrimmedText() =>
        AskAsync(new TextPrompt("text"), new PromptOptions { Prompt = "描述一下？" }, "  页面一直转圈  ", "完成：页面一直转圈");

    // We differ from Bot Builder on purpose: recognition is zh-CN whatever the activity's locale says.
    [Fact]
    public async Task Prompts_ReadChinese_EvenWhenTheActivityLocaleIsEnglish()
    {
        var harness = new DialogTestHarness();
        harness.Adapter.Locale = "en-us";
        harness.Dialogs.Add(new NumberPrompt("number"));
        harness.Dialogs.Add(new WaterfallDialog("root", [
            (step, ct) => step.PromptAsync("number", new PromptOptions { Prompt = "多少人？" }, ct),
            (step, ct) => step.EndDialogAsync(step.Result, ct),
        ]));

        await harness.Flow().Send("hi").AssertReply("多少人？").Send("大概三百人").AssertReply("完成：300").StartTestAsync();
    }
}
