using WeComHelpBot.Recognition;

namespace WeComHelpBot.Tests.Recognition;

public sealed class RecognitionTests
{
    [Theory]
    [InlineData("取消", Interruption.Cancel)]
    [InlineData("退出", Interruption.Cancel)]
    [InlineData("我要退出", Interruption.Cancel)]
    [InlineData("不弄了！", Interruption.Cancel)]
    [InlineData("帮助", Interruption.Help)]
    [InlineData("？", Interruption.Help)]
    [InlineData("啥意思", Interruption.Help)]
    [InlineData("重新开始", Interruption.Restart)]
    [InlineData("从头开始吧", Interruption.Restart)]
    [InlineData("转人工", Interruption.Handover)]
    [InlineData("我要找人工客服", Interruption.Handover)]
    [InlineData("人工客服", Interruption.Handover)]
    [InlineData("取消认证会怎么样", Interruption.None)]
    [InlineData("不用", Interruption.None)]
    [InlineData("人脸识别", Interruption.None)]
    public void InterruptionRecognizer_TakesOnlyTheCommandItself(string text, Interruption expected) =>
        Assert.Equal(expected, InterruptionRecognizer.Recognize(text));

    [Theory]
    [InlineData("没问题", true)]
    [InlineData("好的呀", true)]
    [InlineData("对，是企业", true)]
    [InlineData("Yes", true)]
    [InlineData("不需要", false)]
    [InlineData("暂时没有", false)]
    [InlineData("不是的", false)]
    [InlineData("nope", false)]
    [InlineData("", null)]
    [InlineData("营业执照在哪里办", null)]
    public void YesNoRecognizer_ReadsEverydayAnswers(string text, bool? expected) =>
        Assert.Equal(expected, YesNoRecognizer.Recognize(text));

    [Fact]
    public void ChoiceMatcher_PrefersTheLongestContainedTerm()
    {
        IReadOnlyList<IReadOnlyList<string>> options = [["企业", "公司"], ["个体工商户", "个体户"]];

        Assert.Equal(1, ChoiceMatcher.Match("我们是个体户，不是公司", options)?.Index);
    }

    [Fact]
    public void ChoiceMatcher_RefusesATie()
    {
        IReadOnlyList<IReadOnlyList<string>> options = [["微信认证"], ["微信支付"]];

        Assert.Null(ChoiceMatcher.Match("微信", options));
    }

    [Theory]
    [InlineData("2026-11-20", "2026-11-25", 3)] // Fri → Wed: Mon, Tue, Wed
    [InlineData("2026-11-23", "2026-11-25", 2)]
    [InlineData("2026-11-25", "2026-11-25", 0)]
    [InlineData("2026-11-21", "2026-11-23", 1)] // Sat → Mon
    public void WorkingDays_CountMondayToFridayAfterTheStart(string from, string to, int expected) =>
        Assert.Equal(expected, WorkingDays.Between(DateOnly.Parse(from), DateOnly.Parse(to)));

    [Fact]
    public void WorkingDays_SubtractSkipsWeekends() =>
        Assert.Equal(new DateOnly(2026, 11, 20), WorkingDays.Subtract(new DateOnly(2026, 11, 24), 2));

    [Fact]
    public void PhoneNumber_IsMaskedInTheMiddle() =>
        Assert.Equal("138****5678", PhoneNumberRecognition.Mask("13812345678"));

    [Theory]
    [InlineData("人脸识别要多久？", true)]
    [InlineData("对公打款多久到账", true)]
    [InlineData("人脸识别吧", false)]
    public void QuestionDetector_TellsQuestionsFromAnswers(string text, bool expected) =>
        Assert.Equal(expected, QuestionDetector.LooksLikeQuestion(text));

    [Fact]
    public void TextSimilarity_IsOneForTheSameTextAndZeroForUnrelatedText()
    {
        Assert.Equal(1.0, TextSimilarity.Dice("导入员工", "导入 员工！"));
        Assert.Equal(0.0, TextSimilarity.Dice("导入员工", "人脸识别"));
    }

    // Bot Builder sets the thread culture from the activity's locale; Chinese numerals must still be read.
    [Fact]
    public void Recognizers_ReadChineseNumerals_WhenTheThreadCultureIsZhCn()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("zh-CN");

            Assert.Equal(120m, NumberRecognition.RecognizeNumber("一百二十人"));
            Assert.Equal(2, NumberRecognition.RecognizeOrdinal("我选第二个"));
            Assert.Equal(new DateOnly(2026, 11, 20), ElapsedTimeRecognizer.Recognize("上周五", new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero))?.Since);
            Assert.Equal(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), System.Globalization.CultureInfo.CurrentCulture);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
