using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Validation;

namespace WeComHelpBot.Tests.Validation;

public sealed class CodeFlowValidatorTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8)));

    private readonly CreditCodeFlowValidator creditCode = new();
    private readonly ResidentIdFlowValidator residentId = new(Clock);

    [Fact]
    public void AddCodeValidators_RegistersBothNamesAndTheCodeChecksAction()
    {
        var services = new ServiceCollection();
        services.AddCodeValidators();
        using var provider = services.BuildServiceProvider();

        Assert.Equal(["credit-code", "resident-id"], provider.GetServices<IFlowValidator>().Select(v => v.Name).Order());
        Assert.Equal("code-checks", Assert.Single(provider.GetServices<IFlowAction>()).Name);
    }

    [Fact]
    public void CreditCode_InASentenceWithSpaces_IsFoundAndAcknowledged()
    {
        var verdict = creditCode.Validate("我们的代码是 9135 0100 M000 100Y 43 吧");

        Assert.True(verdict.IsValid);
        Assert.Contains("第 1–2 位“91”表示企业", verdict.Note);
    }

    [Fact]
    public void CreditCode_LowerCaseLetterO_IsNamedWithTheDigitItStandsFor()
    {
        var verdict = creditCode.Validate("91350100m0o0100y43");

        Assert.False(verdict.IsValid);
        Assert.Contains("第 11 位“O”", verdict.Problem);
        Assert.Contains("多半是“0”", verdict.Problem);
        Assert.Contains("国家企业信用信息公示系统", verdict.Problem);
    }

    [Fact]
    public void CreditCode_ManyBadCharacters_ListsAtMostFourAndCountsTheRest()
    {
        var verdict = creditCode.Validate("OOOOOOOOOOOOOOOOOO");

        Assert.False(verdict.IsValid);
        Assert.Equal(4, verdict.Problem!.Split('\n').Count(l => l.Contains("“O”")));
        Assert.Contains("另外还有 14 处", verdict.Problem);
    }

    [Theory]
    [InlineData("我不知道在哪里看")]
    [InlineData("？？")]
    public void NoCodeAtAll_SaysWhereToFindIt(string text)
    {
        var verdict = creditCode.Validate(text);

        Assert.False(verdict.IsValid);
        Assert.Contains("营业执照上“统一社会信用代码”几个字后面", verdict.Problem);
    }

    [Theory]
    [InlineData("跳过")]
    [InlineData("算了不查了")]
    [InlineData("执照没带")]
    public void SkipWords_PassWithoutChecking(string text)
    {
        Assert.Equal(CodeCheckTexts.CreditCodeSkipped, creditCode.Validate(text).Note);
        Assert.Equal(CodeCheckTexts.ResidentIdSkipped, residentId.Validate(text).Note);
    }

    [Fact]
    public void SkipWordNextToACode_ChecksTheCode()
    {
        Assert.False(creditCode.Validate("不用 91350100M000100Y44").IsValid);
    }

    [Fact]
    public void ResidentId_BirthDateAfterTodayOnTheInjectedClock_IsImpossible()
    {
        var first17 = "11010520261126002";
        var id = first17 + ResidentIdNumber.CheckDigit(first17);

        var verdict = residentId.Validate(id);

        Assert.False(verdict.IsValid);
        Assert.Contains("2026-11-26 不可能是真实的出生日期", verdict.Problem);
    }

    [Fact]
    public void ResidentId_Valid_RemindsToCompareTheName()
    {
        var verdict = residentId.Validate("11010519491231002x");

        Assert.True(verdict.IsValid);
        Assert.Contains("法定代表人姓名", verdict.Note);
    }
}
