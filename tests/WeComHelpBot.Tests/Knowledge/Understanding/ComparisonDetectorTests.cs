using WeComHelpBot.Knowledge.Understanding;

namespace WeComHelpBot.Tests.Knowledge.Understanding;

public sealed class ComparisonDetectorTests
{
    [Theory]
    [InlineData("刷脸和银行打款哪个省事", "刷脸", "银行打款哪个省事")]
    [InlineData("个体户跟公司能加的人数有啥区别", "个体户", "公司能加的人数有啥区别")]
    [InlineData("免认证还是微信认证", "免认证", "微信认证")]
    public void Split_FindsTheTwoSides(string question, string left, string right)
    {
        var sides = ComparisonDetector.Split(question);

        Assert.Equal((left, right), sides);
    }

    [Theory]
    [InlineData("个体户最多能加几个人")]
    [InlineData("法人和管理员要是同一个人吗")] // 和 without a comparing word: one question about both roles
    public void Split_IsNullWhenNothingIsCompared(string question) => Assert.Null(ComparisonDetector.Split(question));
}
