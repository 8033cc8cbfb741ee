using System.Text.Json;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Tests.Flows;

public sealed class FlowTriggerMatcherTests
{
    private static readonly FlowTriggerMatcher Matcher = new(FlowTestHost.Shipped());

    [Fact]
    public void Match_ScoresAsTheDiceOfEveryTrigger_OnEveryEvalQuestion()
    {
        // The matcher counts shared bigrams through an index; the pick and its score are those of comparing the message
        // with every trigger and title in turn (the first of equal scores wins).
        var flows = FlowTestHost.Shipped();
        var all = flows.SelectMany(f => f.Triggers.Append(f.Title).Select(t => (Flow: f, Trigger: t))).ToList();
        var texts = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Knowledge"), "*.jsonl")
            .SelectMany(File.ReadLines)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("question").GetString()!)
            .Concat(all.Select(t => t.Trigger))
            .ToList();
        var matched = 0;
        foreach (var text in texts)
        {
            var bigrams = TextSimilarity.Bigrams(TextNormalizer.Normalize(TextNormalizer.Normalize(text)));
            var scores = all.Select(t => TextSimilarity.Dice(bigrams, TextSimilarity.Bigrams(TextNormalizer.Normalize(t.Trigger)))).ToList();
            var best = scores.Count == 0 ? -1 : scores.IndexOf(scores.Max());
            var match = Matcher.Match(text);
            if (match is null)
            {
                continue;
            }

            matched++;
            Assert.Equal(all[best].Flow.Id, match.Flow.Id);
            Assert.Equal(all[best].Trigger, match.Trigger);
            Assert.Equal(scores[best], match.Score);
        }

        Assert.True(matched >= all.Count, $"{matched} matches");
    }

    [Fact]
    public void Match_RefusesWhatTheDiceOfEveryTriggerRefuses()
    {
        var all = FlowTestHost.Shipped().SelectMany(f => f.Triggers.Append(f.Title)).ToList();
        foreach (var text in new[] { "个体户最多能加几个人", "对公打款多久到账", "你好", "好", "今天天气怎么样，适合去爬山吗" })
        {
            var bigrams = TextSimilarity.Bigrams(TextNormalizer.Normalize(TextNormalizer.Normalize(text)));
            var best = all.Max(t => TextSimilarity.Dice(bigrams, TextSimilarity.Bigrams(TextNormalizer.Normalize(t))));
            Assert.True(best < FlowTriggerMatcher.ThresholdWithoutCue, text);
            Assert.Null(Matcher.Match(text));
        }
    }

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
