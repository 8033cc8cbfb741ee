using WeComHelpBot.Validation;

namespace WeComHelpBot.Tests.Validation;

public sealed class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("44030519900101123X")]
    public void Check_AcceptsValidNumbers(string id) => Assert.True(ResidentIdNumber.Check(id, Today).IsValid);

    [Fact]
    public void Check_ReportsTheExpectedCheckDigit()
    {
        var problem = Assert.Single(ResidentIdNumber.Check("110105194912310021", Today).Problems);

        Assert.Contains("应是“X”", problem);
    }

    [Fact]
    public void Check_ReportsABirthDateThatDoesNotExist()
    {
        var first17 = "11010519490231002";
        var id = first17 + ResidentIdNumber.CheckDigit(first17);

        var problem = Assert.Single(ResidentIdNumber.Check(id, Today).Problems);

        Assert.Contains("19490231", problem);
        Assert.Contains("不是一个存在的日期", problem);
    }

    [Fact]
    public void Check_ReportsABirthDateInTheFuture()
    {
        var first17 = "11010520300101002";
        var id = first17 + ResidentIdNumber.CheckDigit(first17);

        Assert.Contains("2030-01-01", Assert.Single(ResidentIdNumber.Check(id, Today).Problems));
    }

    [Fact]
    public void Check_ExplainsOldFifteenDigitNumbers() =>
        Assert.Contains("15 位", ResidentIdNumber.Check("110105491231002", Today).Problems[0]);

    [Fact]
    public void Check_RejectsAnXBeforeTheLastDigit() =>
        Assert.Contains(ResidentIdNumber.Check("1101051949123100X2", Today).Problems, p => p.Contains("最后一位"));

    [Fact]
    public void Check_RejectsAnUnknownProvince()
    {
        var first17 = "99010519491231002";
        var id = first17 + ResidentIdNumber.CheckDigit(first17);

        Assert.Contains("“99”", Assert.Single(ResidentIdNumber.Check(id, Today).Problems));
    }
}
