using WeComHelpBot.Dialogs.Flows;

namespace WeComHelpBot.Tests.Flows;

public sealed class FlowTriggerMatcherTests
{
    private static readonly FlowTriggerMatcher Matcher = new(FlowTestHost.Shipped());

    [Theory]
    [InlineData("帮我选一下验证方式", "verification-advisor")]
    [InlineData("验证方式不知道选哪个，帮我选选", "verification-advisor")]
    [InlineData("我想一步一步注册", "registration-walkthrough")]
    [InlineData("能不能一步步带我注册", "registration-walkthrough")]
    [InlineData("要准备什么材料帮我对一下", "preparation-check")]
    [InlineData("帮我核对下材料", "preparation-check")]
    [InlineData("导入员工", "member-import")]
    [InlineData("员工怎么导入帮我看看", "member-import")]
    [InlineData("打款一直没到账帮我看看", "troubleshooting")]
    [InlineData("法人信息校验失败了帮我看下", "troubleshooting")]
    [InlineData("注册好了下一步干啥", "after-registration")]
    public void ARequestInTheUsersOwnWords_PicksTheFlow(string text, string flowId) =>
        Assert.Equal(flowId, Matcher.Match(text)?.Flow.Id);

    [Theory]
    [InlineData("个体户最多能加几个人")]
    [InlineData("对公打款多久到账")]
    [InlineData("微信认证要多少钱")]
    [InlineData("会话存档在哪里开")]
    [InlineData("你好")]
    [InlineData("好")]
    public void APlainQuestion_StartsNoFlow(string text) =>
        Assert.Null(Matcher.Match(text));
}
