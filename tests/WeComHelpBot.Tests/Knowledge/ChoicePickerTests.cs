using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Knowledge;

public sealed class ChoicePickerTests
{
    private static readonly string[] Titles = ["对公打款验证要多久", "最多能添加多少成员", "会话存档在哪里开启"];

    [Theory]
    [InlineData("1", 0)]
    [InlineData("２", 1)]
    [InlineData("3。", 2)]
    [InlineData("第二个", 1)]
    [InlineData("第3条", 2)]
    [InlineData("选一", 0)]
    [InlineData("我要第三个", 2)]
    [InlineData("最多能添加多少成员", 1)]
    [InlineData("会话存档在哪里开启？", 2)]
    public void Pick_RecognisesNumbersOrdinalsAndTitles(string text, int expected)
    {
        Assert.Equal(new ChoicePick(expected, false), ChoicePicker.Pick(text, Titles));
    }

    [Theory]
    [InlineData("4")]
    [InlineData("第五个")]
    [InlineData("0")]
    public void Pick_NumberOutsideTheList_IsOutOfRange(string text)
    {
        Assert.True(ChoicePicker.Pick(text, Titles).OutOfRange);
    }

    [Theory]
    [InlineData("对公打款好几天没到账")]
    [InlineData("一共要几天")]
    [InlineData("")]
    public void Pick_NewQuestion_PicksNothing(string text)
    {
        Assert.Equal(ChoicePick.None, ChoicePicker.Pick(text, Titles));
    }
}
