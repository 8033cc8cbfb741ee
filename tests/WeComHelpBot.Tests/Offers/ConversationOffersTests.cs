using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using WeComHelpBot.Offers;
using WeComHelpBot.Tests.FollowUps;

namespace WeComHelpBot.Tests.Offers;

/// <summary>One owner for "what the bot just offered": numbered entries and follow-ups live in one state, newest wins.</summary>
public sealed class ConversationOffersTests
{
    private const string Question = "个体户最多能加几个人";

    private static TurnContext Turn() => new(new TestAdapter(), new Activity
    {
        Type = ActivityTypes.Message,
        ChannelId = "test",
        Conversation = new ConversationAccount(id: "offers"),
        From = new ChannelAccount("user"),
        Recipient = new ChannelAccount("bot"),
        Text = "1",
    });

    [Fact]
    public async Task ANewFollowUp_ReplacesTheEntriesOfferedBefore()
    {
        var offers = new ConversationOffers(new ConversationState(new MemoryStorage()));
        var turn = Turn();
        await offers.OfferEntriesAsync(turn, ["a", "b"]);

        await offers.OfferAsync(turn, new PendingOffer { Kind = OfferKind.Rating });

        var state = await offers.GetAsync(turn);
        Assert.Empty(state.EntryIds);
        Assert.Equal(OfferKind.Rating, state.FollowUp?.Kind);
    }

    [Fact]
    public async Task EntriesListedUnderAnAnswer_KeepTheFollowUpOfTheSameReply_AndOutliveIt()
    {
        var offers = new ConversationOffers(new ConversationState(new MemoryStorage()));
        var turn = Turn();
        await offers.OfferAsync(turn, new PendingOffer { Kind = OfferKind.AnswerFeedback, EntryId = "x" });
        await offers.OfferEntriesAsync(turn, ["a", "b"]);
        Assert.Equal(OfferKind.AnswerFeedback, (await offers.GetAsync(turn)).FollowUp?.Kind);

        await offers.EndFollowUpAsync(turn);

        var state = await offers.GetAsync(turn);
        Assert.Null(state.FollowUp);
        Assert.Equal(["a", "b"], state.EntryIds);
    }

    [Fact]
    public async Task ANumber_AfterARatingThatReplacedTheSuggestions_DoesNotPickAStaleSuggestion()
    {
        // What "1" picks right after the answer: its first related topic.
        using var direct = new ConversationTestHost("offers-direct");
        var answer = await direct.SayAsync(Question);
        Assert.Contains("(1) 个体工商户注册要什么材料", answer);
        var picked = await direct.SayAsync("1");

        // The same answer, then the rating question and a score: the list above the rating is no longer on offer.
        using var host = new ConversationTestHost("offers-rated");
        await host.SayAsync(Question);
        Assert.Contains("这次服务您满意吗", await host.SayAsync("谢谢"));
        Assert.Contains("谢谢您的 5 分", await host.SayAsync("5分"));

        var reply = await host.SayAsync("1");

        Assert.NotEqual(picked, reply);
        Assert.DoesNotContain(picked.Split('\n')[0], reply);
    }

    [Fact]
    public async Task ANumber_AfterSuggestionsAndThenTheRatingQuestion_IsTheRating()
    {
        using var host = new ConversationTestHost();
        await host.SayAsync(Question);
        await host.SayAsync("谢谢");

        Assert.Contains("哪里让您不满意", await host.SayAsync("1"));
    }
}
