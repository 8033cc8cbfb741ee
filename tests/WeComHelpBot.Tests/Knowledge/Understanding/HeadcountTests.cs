using WeComHelpBot.Knowledge.Understanding;

namespace WeComHelpBot.Tests.Knowledge.Understanding;

public sealed class HeadcountTests
{
    [Theory]
    [InlineData("再多呢", Headcount.MoreThanBefore)]
    [InlineData("人更多的话怎么办", Headcount.MoreThanBefore)]
    [InlineData("超了咋办", Headcount.MoreThanBefore)]
    [InlineData("超过一千人的呢", 1001)] // more than a thousand
    [InlineData("我们三千多人呢", 3000)]
    [InlineData("有 2500 人", 2500)]
    [InlineData("两万人的话", 20000)]
    [InlineData("上千人呢", 1001)]
    [InlineData("几万人的话呢", 20000)]
    public void Asked_ReadsHowManyPeopleAMessageAsksFor(string message, int people) => Assert.Equal(people, Headcount.Asked(message));

    [Theory]
    [InlineData("一次最多多少人")] // asks the limit, not for more
    [InlineData("要多久")]
    [InlineData("第二步呢")]
    public void Asked_IsNullWhenTheMessageAsksForNoMorePeople(string message) => Assert.Null(Headcount.Asked(message));

    [Theory]
    [InlineData(" 手动输入：每次最多 50 人，实时校验手机号", 50)]
    [InlineData("Excel 模板导入：每次最多 1000 人", 1000)]
    [InlineData("API 接口：没有单次限制，需要技术对接", Headcount.Unlimited)]
    public void Allowed_ReadsHowManyPeopleALineAllows(string line, int people) => Assert.Equal(people, Headcount.Allowed(line));

    [Fact]
    public void Allowed_IsNullForALineThatSaysNeither() => Assert.Null(Headcount.Allowed("实时校验手机号"));
}
