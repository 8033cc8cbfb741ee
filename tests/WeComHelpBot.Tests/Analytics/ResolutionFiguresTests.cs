using WeComHelpBot.Analytics;

namespace WeComHelpBot.Tests.Analytics;

/// <summary>The resolution figures from hand-made event sequences, one case each (README, 客服工作台 → 数字的定义).</summary>
public sealed class ResolutionFiguresTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Start.AddDays(3);

    private sealed class Script(string conversation, string channel = "webchat")
    {
        private readonly List<AnalyticsEvent> events = [new(AnalyticsEventType.ConversationStarted, conversation, Start) { ChannelId = channel }];
        private DateTimeOffset clock = Start;

        public IReadOnlyList<AnalyticsEvent> Events => events;

        public Script Add(AnalyticsEventType type, TimeSpan after, Func<AnalyticsEvent, AnalyticsEvent>? fill = null)
        {
            clock += after;
            var e = new AnalyticsEvent(type, conversation, clock);
            events.Add(fill is null ? e : fill(e));
            return this;
        }

        public Script Answered(string question, string entry, TimeSpan? after = null) =>
            Add(AnalyticsEventType.KnowledgeAnswered, after ?? TimeSpan.FromSeconds(10), e => e with { Text = question, EntryId = entry, Score = 0.8 });

        public Script Unanswered(string question, TimeSpan? after = null) =>
            Add(AnalyticsEventType.QuestionUnanswered, after ?? TimeSpan.FromSeconds(10), e => e with { Text = question, Reason = SupportAnalytics.NoMatch });

        public Script Helpful(string entry) => Add(AnalyticsEventType.FeedbackHelpful, TimeSpan.FromSeconds(10), e => e with { EntryId = entry });

        public Script NotHelpful(string entry, string question) =>
            Add(AnalyticsEventType.FeedbackNotHelpful, TimeSpan.FromSeconds(10), e => e with { EntryId = entry, Text = question });

        public Script Rating(int rating) => Add(AnalyticsEventType.RatingGiven, TimeSpan.FromSeconds(10), e => e with { Rating = rating });

        public Script Handover() => Add(AnalyticsEventType.HumanHandoffRequested, TimeSpan.FromSeconds(10), e => e with { Reason = "转人工" });
    }

    private static StatsFigures Total(params Script[] scripts) =>
        SupportStatsCalculator.Calculate(scripts.SelectMany(s => s.Events), now: Later).Total;

    [Fact]
    public void HelpfulAfterAnAnswer_IsConfirmed()
    {
        var total = Total(new Script("a").Answered("人脸识别一直失败咋办", "verify.face").Helpful("verify.face"));

        Assert.Equal(1, total.Confirmed);
        Assert.Equal(1.0, total.ResolutionRate);
        Assert.Equal(1.0, total.ConfirmedResolutionRate);
    }

    [Fact]
    public void RatingOfFour_IsConfirmed_RatingOfThree_IsOnlyAssumed()
    {
        var four = Total(new Script("a").Answered("认证要多久", "verify.duration").Rating(4));
        var three = Total(new Script("b").Answered("认证要多久", "verify.duration").Rating(3));

        Assert.Equal(1, four.Confirmed);
        Assert.Equal(0, three.Confirmed);
        Assert.Equal(1, three.Assumed);
    }

    [Fact]
    public void AnswerWithNoFurtherWord_After24Hours_IsAssumed()
    {
        var total = Total(new Script("a").Answered("营业执照照片模糊咋整", "license.photo"));

        Assert.Equal(1, total.Assumed);
        Assert.Equal(0, total.Confirmed);
        Assert.Equal(1.0, total.ResolutionRate);
        Assert.Equal(0.0, total.ConfirmedResolutionRate);
    }

    [Fact]
    public void AnswerLessThan24HoursOld_IsPending_AndLeftOutOfTheRate()
    {
        var script = new Script("a").Answered("营业执照照片模糊咋整", "license.photo");

        var total = SupportStatsCalculator.Calculate(script.Events, now: Start.AddHours(3)).Total;

        Assert.Equal(1, total.Pending);
        Assert.Equal(0, total.Assumed);
        Assert.Null(total.ResolutionRate);
    }

    [Fact]
    public void Handover_IsNotResolved_EvenWithAGoodRatingAfterIt()
    {
        var total = Total(new Script("a").Answered("认证被驳回了", "verify.rejected").Handover().Rating(5));

        Assert.Equal(1, total.NotResolved);
        Assert.Equal(0.0, total.ResolutionRate);
        Assert.Equal(0.0, total.DeflectionRate);
        Assert.Equal(1.0, total.TransferToHumanRate);
    }

    [Fact]
    public void NotHelpful_IsNotResolved_AndTheAnswerWasMisread()
    {
        var total = Total(new Script("a").Answered("对公账户打款多久到", "verify.bank").NotHelpful("verify.bank", "对公账户打款多久到"));

        Assert.Equal(1, total.NotResolved);
        Assert.Equal(1, total.Questions);
        Assert.Equal(0, total.Answers);
        Assert.Equal(1, total.MisreadAnswers);
        Assert.Equal(0.0, total.KnowledgeHitRate);
    }

    [Fact]
    public void NotHelpful_IsNotAnUnansweredQuestion()
    {
        var stats = SupportStatsCalculator.Calculate(
            new Script("a").Answered("对公账户打款多久到", "verify.bank").NotHelpful("verify.bank", "对公账户打款多久到").Events, now: Later);

        Assert.Equal(0, stats.Total.Unanswered);
        Assert.Empty(stats.TopUnanswered);
        Assert.Equal(new QuestionCount("对公账户打款多久到", 1), Assert.Single(stats.TopNotHelpful));
    }

    [Fact]
    public void SameQuestionAgainWithin24Hours_IsNotResolved_AndTheFirstAnswerWasMisread()
    {
        var total = Total(new Script("a").Answered("打款验证 金额填错了", "verify.bank").Answered("打款验证金额填错了！", "verify.bank", TimeSpan.FromMinutes(5)));

        Assert.Equal(1, total.NotResolved);
        Assert.Equal(2, total.Questions);
        Assert.Equal(1, total.MisreadAnswers);
        Assert.Equal(1, total.Answers);
    }

    [Fact]
    public void SameQuestionAfter24Hours_IsANewQuestion_NotARepeat()
    {
        var total = Total(new Script("a").Answered("认证费多少钱", "verify.fee").Answered("认证费多少钱", "verify.fee", TimeSpan.FromHours(25)));

        Assert.Equal(0, total.MisreadAnswers);
        Assert.Equal(2, total.Answers);
        Assert.Equal(1, total.Assumed);
    }

    [Fact]
    public void HelpfulAfterARepeat_IsConfirmed()
    {
        var total = Total(new Script("a").Answered("咋认证", "verify.how").Answered("咋认证", "verify.how").Helpful("verify.how"));

        Assert.Equal(1, total.Confirmed);
        Assert.Equal(1, total.MisreadAnswers);
    }

    [Theory]
    [InlineData("没帮助")]
    [InlineData("没用")]
    [InlineData("有帮助")]
    [InlineData("还是不行")]
    [InlineData("不相关")]
    public void FeedbackReplies_AreNeverCountedAsQuestions(string reply)
    {
        var stats = SupportStatsCalculator.Calculate(new Script("a").Answered("企业名称能改吗", "name.change").Unanswered(reply).Events, now: Later);

        Assert.Equal(1, stats.Total.Questions);
        Assert.Equal(0, stats.Total.Unanswered);
        Assert.Empty(stats.TopUnanswered);
        Assert.DoesNotContain(stats.TopQuestions, q => q.Question == reply);
    }

    [Fact]
    public void UnansweredQuestion_IsCountedAndListed()
    {
        var stats = SupportStatsCalculator.Calculate(new Script("a").Unanswered("海外公司能注册企业微信吗").Events, now: Later);

        Assert.Equal(1, stats.Total.Unanswered);
        Assert.Equal(0.0, stats.Total.KnowledgeHitRate);
        Assert.Equal("海外公司能注册企业微信吗", Assert.Single(stats.TopUnanswered).Question);
        Assert.Equal(1, stats.Total.Assumed);
    }

    [Fact]
    public void GreetingOnly_IsNotAHelpConversation()
    {
        var total = Total(new Script("a"), new Script("b").Answered("认证要多久", "verify.duration").Helpful("verify.duration"));

        Assert.Equal(2, total.Conversations);
        Assert.Equal(1, total.HelpConversations);
        Assert.Equal(1.0, total.DeflectionRate);
    }

    [Fact]
    public void FlowEndingUnsolved_IsNotResolved_FlowEndingSolved_IsConfirmed()
    {
        var unsolved = Total(new Script("a").Add(AnalyticsEventType.FlowStarted, TimeSpan.FromSeconds(5), e => e with { FlowId = "troubleshooting" })
            .Add(AnalyticsEventType.FlowCompleted, TimeSpan.FromMinutes(2), e => e with { FlowId = "troubleshooting", Resolved = false }));
        var solved = Total(new Script("b").Add(AnalyticsEventType.FlowStarted, TimeSpan.FromSeconds(5), e => e with { FlowId = "troubleshooting" })
            .Add(AnalyticsEventType.FlowCompleted, TimeSpan.FromMinutes(2), e => e with { FlowId = "troubleshooting", Resolved = true }));

        Assert.Equal(1, unsolved.NotResolved);
        Assert.Equal(1, solved.Confirmed);
    }

    [Fact]
    public void FiguresPerChannel_CountEachConversationInItsOwnChannel()
    {
        var stats = SupportStatsCalculator.Calculate(
            new Script("a", "webchat").Answered("认证要多久", "verify.duration").Events
                .Concat(new Script("b", "wecom").Answered("认证要多久", "verify.duration").Handover().Events)
                .Concat(new Script("c", "wecom").Answered("认证费多少", "verify.fee").Events),
            now: Later);

        var wecom = Assert.Single(stats.Channels, c => c.Channel == "wecom");
        var webchat = Assert.Single(stats.Channels, c => c.Channel == "webchat");
        Assert.Equal(2, wecom.Conversations);
        Assert.Equal(0.5, wecom.TransferToHumanRate);
        Assert.Equal(1, webchat.Conversations);
        Assert.Equal(1.0, webchat.ResolutionRate);
        Assert.Equal("认证要多久", stats.TopQuestions[0].Question);
        Assert.Equal(2, stats.TopQuestions[0].Count);
    }

    [Fact]
    public void Satisfaction_IsTheShareOfFourAndFive()
    {
        var total = Total(new Script("a").Answered("x认证", "v").Rating(5), new Script("b").Answered("y认证", "v").Rating(2));

        Assert.Equal(0.5, total.SatisfactionRate);
        Assert.Equal(3.5, total.SatisfactionAverage);
    }
}
