using WeComHelpBot.Recognition;

namespace WeComHelpBot.Tests.Recognition;

/// <summary>Answers to flow steps the way people type them: hedges, reasons, negations, corrections, requests inside a sentence.</summary>
public sealed class AnswerUnderstandingTests
{
    [Theory]
    [InlineData("老板那边应该没问题", YesNoReading.Yes)]
    [InlineData("应该可以", YesNoReading.Yes)]
    [InlineData("应该可以吧", YesNoReading.Yes)]
    [InlineData("可以的，他挺配合", YesNoReading.Yes)]
    [InlineData("有，但是在外地", YesNoReading.Yes)]
    [InlineData("需要，我们要收款", YesNoReading.Yes)]
    [InlineData("法人愿意配合", YesNoReading.Yes)]
    [InlineData("没毛病", YesNoReading.Yes)]
    [InlineData("暂时用不着", YesNoReading.No)]
    [InlineData("这个先不弄", YesNoReading.No)]
    [InlineData("不太方便", YesNoReading.No)]
    [InlineData("用不上", YesNoReading.No)]
    [InlineData("不太方便，他常年在外地", YesNoReading.No)]
    [InlineData("我们只是内部沟通，不需要", YesNoReading.No)]
    [InlineData("老板估计不愿意", YesNoReading.No)]
    [InlineData("还没开对公账户", YesNoReading.No)]
    [InlineData("检查了，还是不行", YesNoReading.No)]
    [InlineData("不确定", YesNoReading.Unsure)]
    [InlineData("看情况", YesNoReading.Unsure)]
    [InlineData("这个不好说", YesNoReading.Unsure)]
    [InlineData("有没有别的办法", YesNoReading.None)]
    [InlineData("需要营业执照吗？", YesNoReading.None)]
    [InlineData("人脸识别要多久", YesNoReading.None)]
    [InlineData("", YesNoReading.None)]
    public void YesNo_ReadsHedgesReasonsAndNegations(string text, YesNoReading expected) =>
        Assert.Equal(expected, YesNoRecognizer.Read(text));

    public static TheoryData<string, int> Descriptions => new()
    {
        { "提交的时候说企业名称对不上", 0 },
        { "钱打过去好几天了还没验证通过", 1 },
        { "导入成员的时候说号码被别人占用了", 2 },
    };

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Choice_TakesADescriptionThatFitsOneOptionClearly(string text, int expected)
    {
        var match = ChoiceMatcher.Match(text, TroubleshootingOptions, TroubleshootingDescriptions);

        Assert.NotNull(match);
        Assert.False(match.IsAmbiguous);
        Assert.Equal(expected, match.Index);
    }

    [Fact]
    public void Choice_DescriptionThatFitsTwoOptions_IsAmbiguous()
    {
        var match = ChoiceMatcher.Match("验证一直没通过", [["微信认证"], ["对公打款"]], ["用法人微信验证，一直没通过就换一种", "打款验证，一直没通过就联系客服"]);

        Assert.NotNull(match);
        Assert.True(match.IsAmbiguous);
    }

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("好")]
    public void Choice_UnrelatedText_PicksNothing(string text) =>
        Assert.Null(ChoiceMatcher.Match(text, TroubleshootingOptions, TroubleshootingDescriptions));

    [Theory]
    [InlineData("真麻烦，找个人帮我", Interruption.Handover)]
    [InlineData("能不能让客服联系我", Interruption.Handover)]
    [InlineData("我要找真人", Interruption.Handover)]
    [InlineData("搞半天还是不行 转人工吧", Interruption.Handover)]
    [InlineData("人工客服几点上班", Interruption.None)]
    [InlineData("人工审核要多久", Interruption.None)]
    [InlineData("先到这里", Interruption.Pause)]
    [InlineData("我晚点再弄", Interruption.Pause)]
    [InlineData("今天先这样，回头再弄", Interruption.Pause)]
    [InlineData("继续", Interruption.Resume)]
    [InlineData("接着来", Interruption.Resume)]
    [InlineData("上一步", Interruption.Back)]
    [InlineData("返回", Interruption.Back)]
    [InlineData("我改主意了", Interruption.Correct)]
    [InlineData("刚才选错了，其实是对公打款", Interruption.Correct)]
    [InlineData("算了不弄了", Interruption.Cancel)]
    [InlineData("先不弄", Interruption.None)]
    [InlineData("为啥问这个", Interruption.Help)]
    public void Interruptions_AreHeardInsideASentence(string text, Interruption expected) =>
        Assert.Equal(expected, InterruptionRecognizer.Recognize(text));

    [Theory]
    [InlineData("刚才选错了，其实是对公打款", "对公打款", null)]
    [InlineData("刚才紧急程度选错了，其实不急", "不急", "紧急程度")]
    [InlineData("不对，应该是人脸识别", "人脸识别", null)]
    [InlineData("对公账户改成有", "有", "对公账户")]
    [InlineData("我改主意了", null, null)]
    public void Correction_FindsTheNewAnswerAndWhatItChanges(string text, string? answer, string? about)
    {
        var correction = CorrectionRecognizer.Recognize(text);

        Assert.NotNull(correction);
        Assert.Equal(answer, correction.NewAnswer);
        Assert.Equal(about, correction.About);
    }

    [Theory]
    [InlineData("我选第二个")]
    [InlineData("应该是上周五")]
    [InlineData("不对")]
    [InlineData("其实有对公账户")]
    public void Correction_PlainAnswersAreNotCorrections(string text) =>
        Assert.Null(CorrectionRecognizer.Recognize(text));

    [Theory]
    [InlineData("刚才说过了，福州闽江小吃店", "福州闽江小吃店")]
    [InlineData("我们公司叫厦门鹭岛科技有限公司", "厦门鹭岛科技有限公司")]
    [InlineData("福州闽江小吃店", "福州闽江小吃店")]
    [InlineData("全称是：杭州西湖茶叶店", "杭州西湖茶叶店")]
    [InlineData("鹭岛科技", "鹭岛科技")]
    [InlineData("不知道", null)]
    [InlineData("公司名称要写全称吗？", null)]
    public void CompanyName_IsTakenOutOfTheWordsAroundIt(string text, string? expected) =>
        Assert.Equal(expected, CompanyNameRecognizer.Recognize(text));

    private static readonly IReadOnlyList<IReadOnlyList<string>> TroubleshootingOptions =
    [
        ["法人信息校验失败", "法人信息", "校验失败"],
        ["对公打款验证超时", "打款", "没到账"],
        ["成员手机号重复", "手机号重复", "手机号已存在"],
        ["其他问题", "其他"],
    ];

    private static readonly IReadOnlyList<string?> TroubleshootingDescriptions =
    [
        "提交主体信息时提示企业名称、信用代码或法定代表人姓名对不上，或者法人扫码识别不通过",
        "用对公账户打了一笔验证款，过了好几天还没验证通过、钱没到账",
        "导入或添加成员时提示手机号已存在、号码被别人占用",
        "上面三种都不是",
    ];
}
