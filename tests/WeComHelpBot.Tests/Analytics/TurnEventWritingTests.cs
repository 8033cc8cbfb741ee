using LiteDB;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WeComHelpBot.Analytics;
using WeComHelpBot.Privacy;
using WeComHelpBot.Storage.LiteDb;
using WeComHelpBot.Tests.Support;

namespace WeComHelpBot.Tests.Analytics;

/// <summary>Events recorded during a bot turn are written at its end, with the transcript, in one transaction.</summary>
public sealed class TurnEventWritingTests : IDisposable
{
    private readonly SupportTestHost host = new();

    public void Dispose() => host.Dispose();

    private SupportAnalytics Analytics => host.Get<SupportAnalytics>();

    private int StoredEventCount => host.Get<LiteDatabase>().GetCollection(LiteDbAnalyticsStore.CollectionName).Count();

    [Fact]
    public async Task EventsOfATurn_AreWrittenWhenItEnds_TogetherWithItsTranscript()
    {
        var storedDuringTurn = -1;
        await RunTurnAsync("conv-a", "人脸识别怎么弄", async (turn, ct) =>
        {
            await Analytics.RecordConversationStartedAsync("conv-a", ct);
            await Analytics.RecordKnowledgeAnsweredAsync("conv-a", "face-check", 0.9, ct);
            await turn.SendActivityAsync("人脸识别要法人本人扫脸。", cancellationToken: ct);
            storedDuringTurn = StoredEventCount;
        });

        Assert.Equal(0, storedDuringTurn);
        Assert.Equal(2, StoredEventCount);
        var events = await Analytics.GetEventsAsync();
        Assert.Equal([AnalyticsEventType.ConversationStarted, AnalyticsEventType.KnowledgeAnswered], events.Select(e => e.Type));
        Assert.Equal(2, (await host.Get<TranscriptStore>().GetConversationAsync("conv-a")).Count);
    }

    [Fact]
    public async Task ReadingEventsDuringATurn_SeesTheEventsTheTurnRecorded()
    {
        IReadOnlyList<AnalyticsEvent>? seen = null;
        await RunTurnAsync("conv-b", "转人工", async (_, ct) =>
        {
            await Analytics.RecordHumanHandoffRequestedAsync("conv-b", "转人工", ct);
            seen = await Analytics.GetEventsAsync(cancellationToken: ct);
            await Analytics.RecordConversationEndedAsync("conv-b", "handoff", ct);
        });

        Assert.Equal([AnalyticsEventType.HumanHandoffRequested], seen!.Select(e => e.Type));
        Assert.Equal(
            [AnalyticsEventType.HumanHandoffRequested, AnalyticsEventType.ConversationEnded],
            (await Analytics.GetEventsAsync()).Select(e => e.Type));
    }

    [Fact]
    public async Task EventsOfAFailingTurn_AreStillWritten()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunTurnAsync("conv-c", "你好", async (_, ct) =>
        {
            await Analytics.RecordConversationStartedAsync("conv-c", ct);
            throw new InvalidOperationException("turn failed");
        }));

        Assert.Equal([AnalyticsEventType.ConversationStarted], (await Analytics.GetEventsAsync()).Select(e => e.Type));
        Assert.Single(await host.Get<TranscriptStore>().GetConversationAsync("conv-c"));
    }

    [Fact]
    public async Task EventRecordedByWorkThatOutlivesItsTurn_IsWrittenAtOnce()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task? late = null;
        await RunTurnAsync("conv-d", "你好", (_, _) =>
        {
            late = Task.Run(async () =>
            {
                await release.Task;
                await Analytics.RecordRatingAsync("conv-d", 5);
            });
            return Task.CompletedTask;
        });

        release.SetResult();
        await late!;

        Assert.Equal(1, StoredEventCount);
    }

    [Fact]
    public async Task QuestionTextRecordedInATurn_IsStoredMasked()
    {
        await RunTurnAsync("conv-e", "我的手机 13912345678 收不到验证码", async (turn, ct) =>
            await Analytics.RecordQuestionUnansweredAsync("conv-e", turn.Activity.Text, null, lowConfidence: false, ct));

        var stored = host.Get<LiteDatabase>().GetCollection(LiteDbAnalyticsStore.CollectionName).FindAll().Single();
        Assert.DoesNotContain("13912345678", stored["text"].AsString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventsOutsideATurn_AreWrittenAtOnce()
    {
        await Analytics.RecordConversationStartedAsync("conv-f");

        Assert.Equal(1, StoredEventCount);
    }

    private async Task RunTurnAsync(string conversationId, string text, BotCallbackHandler bot)
    {
        var reference = TestAdapter.CreateConversation(conversationId);
        reference.Conversation.Id = conversationId;
        var adapter = new TestAdapter(reference) { Locale = "zh-CN" };
        var activity = (Activity)MessageFactory.Text(text);
        activity.ApplyConversationReference(reference, isIncoming: true);
        using var context = new TurnContext(adapter, activity);
        await host.Get<MaskingTranscriptMiddleware>().OnTurnAsync(context, ct => bot(context, ct), CancellationToken.None);
    }
}
