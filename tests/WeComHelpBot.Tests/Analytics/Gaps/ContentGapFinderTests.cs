using Microsoft.Extensions.Options;
using WeComHelpBot.Analytics.Gaps;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Analytics.Gaps;

/// <summary>The gap finder on the shipped knowledge base.</summary>
public sealed class ContentGapFinderTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly KnowledgeIndex index;
    private readonly ContentGapFinder finder;

    public ContentGapFinderTests()
    {
        var options = Options.Create(new RetrievalOptions());
        index = new KnowledgeIndex(KnowledgeLoader.LoadOrThrow(TestPaths.RealKnowledge), options);
        finder = new ContentGapFinder(new KnowledgeRetriever(index, options), index);
    }

    public void Dispose() => index.Dispose();

    [Fact]
    public void SimilarWordings_FormOneGroup_RankedByHowOftenAsked()
    {
        var report = finder.Find(
        [
            Ask("今天天气怎么样", GapSource.Unanswered),
            Ask("会议室预约填错了能改吗", GapSource.Unanswered),
            Ask("会议室预定填错了能改吗", GapSource.LowConfidence),
            Ask("会议室预约填错了能改吗？", GapSource.Unanswered),
        ]);

        Assert.Equal(4, report.QuestionCount);
        Assert.Equal([1, 2], report.Gaps.Select(g => g.Number));
        var first = report.Gaps[0];
        Assert.Equal("会议室预约填错了能改吗", first.Representative);
        Assert.Equal(3, first.Count);
        Assert.Equal([("会议室预约填错了能改吗", 2), ("会议室预定填错了能改吗", 1)], first.Variants.Select(v => (v.Text, v.Count)));
        Assert.Equal(2, first.Sources[GapSource.Unanswered]);
        Assert.Equal(1, first.Sources[GapSource.LowConfidence]);
        Assert.Equal("今天天气怎么样", report.Gaps[1].Representative);
    }

    [Fact]
    public void OffTopicQuestion_NeedsANewEntry()
    {
        var gap = Assert.Single(finder.Find([Ask("今天天气怎么样", GapSource.Unanswered)]).Gaps);

        Assert.True(gap.NeedsNewEntry);
        Assert.True(gap.Confidence < new RetrievalOptions().ClarifyThreshold);
    }

    [Fact]
    public void QuestionNearAnEntry_ProposesThatEntry()
    {
        // Still below the answer threshold of the shipped decision (questions the bot now answers are not gaps).
        var gap = Assert.Single(finder.Find([Ask("扫脸一直提示请眨眨眼", GapSource.LowConfidence), Ask("扫脸时一直提示请眨眼", GapSource.LowConfidence)]).Gaps);

        Assert.False(gap.NeedsNewEntry);
        Assert.Equal("verify-face", gap.ProposedEntry!.Id);
        Assert.True(gap.Confidence >= new RetrievalOptions().ClarifyThreshold);
    }

    [Fact]
    public void EntryMarkedIrrelevant_IsNotProposedAgain_AndUnsolvedEntriesAreNamed()
    {
        var irrelevant = finder.Find([Ask("法人不在身边咋认证", GapSource.NotHelpful, "verify-no-legal-wechat", irrelevant: true)]).Gaps.Single();
        var unsolved = finder.Find([Ask("法人不在身边咋认证", GapSource.NotHelpful, "verify-no-legal-wechat", irrelevant: false)]).Gaps.Single();

        Assert.NotEqual("verify-no-legal-wechat", irrelevant.ProposedEntry?.Id);
        Assert.NotEqual("verify-no-legal-wechat", irrelevant.ClosestEntry?.Id);
        Assert.Equal(["verify-no-legal-wechat"], unsolved.UnsolvedEntries);
    }

    [Fact]
    public void UnansweredQuestionTheKnowledgeBaseNowAnswers_IsLeftOut()
    {
        var report = finder.Find([Ask("微信认证审核要多久", GapSource.Unanswered)]);

        Assert.Empty(report.Gaps);
        Assert.Equal(1, report.NowAnsweredGroups);
    }

    [Fact]
    public void NotHelpfulQuestion_StillAnsweredByTheSameEntry_StaysAGap()
    {
        var report = finder.Find([Ask("微信认证审核要多久", GapSource.NotHelpful, "verify-wechat-cert", irrelevant: false)]);

        Assert.Single(report.Gaps);
        Assert.Equal(0, report.NowAnsweredGroups);
    }

    [Fact]
    public void MaskedWording_IsNotTheRepresentative()
    {
        var gap = Assert.Single(finder.Find(
        [
            Ask("我手机138****5678 会议室预约填错了能改吗", GapSource.Unanswered),
            Ask("我手机138****5678 会议室预约填错了能改吗", GapSource.Unanswered),
            Ask("我手机会议室预约填错了能改吗", GapSource.Unanswered),
        ]).Gaps);

        Assert.Equal("我手机会议室预约填错了能改吗", gap.Representative);
        Assert.Equal(3, gap.Count);
    }

    private static GapQuestion Ask(string text, GapSource source, string? entryId = null, bool irrelevant = false) =>
        new(text, source, Day, entryId, irrelevant);
}
