using Newtonsoft.Json;
using WeComHelpBot.FollowUps;
using WeComHelpBot.Offers;
using WeComHelpBot.Storage.LiteDb;

namespace WeComHelpBot.Tests.Offers;

/// <summary>
/// Offer and support state leave their default values out of the stored JSON (Bot Builder serializes the whole state at
/// every load and save) and read back exactly what was saved, including a value that differs from its initializer.
/// </summary>
public sealed class StateDefaultsSerializationTests
{
    private static readonly JsonSerializer Serializer = LiteDbStorage.CreateSerializer();

    private static string Write(object value)
    {
        using var writer = new StringWriter();
        Serializer.Serialize(writer, value);
        return writer.ToString();
    }

    private static T RoundTrip<T>(T value)
    {
        using var reader = new JsonTextReader(new StringReader(Write(value!)));
        return Serializer.Deserialize<T>(reader)!;
    }

    [Fact]
    public void FreshState_WritesNoDefaults()
    {
        var offers = Write(new OfferState { FollowUp = new PendingOffer() });
        var support = Write(new SupportConversationState());

        Assert.DoesNotContain("EntryIds", offers, StringComparison.Ordinal);
        Assert.DoesNotContain("SuggestionIds", offers, StringComparison.Ordinal);
        Assert.DoesNotContain("FlowIds", offers, StringComparison.Ordinal);
        Assert.DoesNotContain("Source", offers, StringComparison.Ordinal);
        Assert.DoesNotContain("FeedbackGiven", offers, StringComparison.Ordinal);
        Assert.Contains("\"TurnsLeft\":3", offers, StringComparison.Ordinal);
        Assert.DoesNotContain("FollowUp", Write(new OfferState()), StringComparison.Ordinal);
        Assert.DoesNotContain("Started", support, StringComparison.Ordinal);
        Assert.DoesNotContain("AnswersShown", support, StringComparison.Ordinal);
    }

    [Fact]
    public void OfferState_ReadsBackWhatWasSaved_DefaultsAndTurnsLeftZeroIncluded()
    {
        var saved = new OfferState
        {
            EntryIds = ["a", "b"],
            FollowUp = new PendingOffer
            {
                Kind = OfferKind.Rating,
                EntryId = "entry",
                Question = "个体户最多能加几个人",
                FlowId = "flow",
                SuggestionIds = ["c"],
                FlowIds = ["f1", "f2"],
                Rating = 4,
                FeedbackGiven = true,
                TurnsLeft = 0,
                Source = "not_helpful",
            },
        };

        var read = RoundTrip(saved);

        Assert.Equal(saved.EntryIds, read.EntryIds);
        Assert.Equivalent(saved.FollowUp, read.FollowUp, strict: true);
        var empty = RoundTrip(new OfferState { FollowUp = new PendingOffer() });
        Assert.Empty(empty.EntryIds);
        Assert.Equivalent(new PendingOffer(), empty.FollowUp, strict: true);
        Assert.Null(RoundTrip(new OfferState()).FollowUp);
    }

    [Fact]
    public void SupportState_ReadsBackWhatWasSaved()
    {
        var saved = new SupportConversationState { Started = true, LowConfidenceStreak = 2, Helped = true, RatingDone = true, TicketMade = true, AnswersShown = 5 };

        Assert.Equivalent(saved, RoundTrip(saved), strict: true);
        Assert.Equivalent(new SupportConversationState(), RoundTrip(new SupportConversationState()), strict: true);
    }
}
