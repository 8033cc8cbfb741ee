using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Server.DirectLine;

namespace WeComHelpBot.Server.Tests.DirectLine;

public sealed class DirectLineConversationStoreTests
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);

    [Fact]
    public void FullStore_TakesNewConversationsAgain_OnceOldOnesExpire_AndStaysBounded()
    {
        var store = NewStore(new DirectLineOptions { MaxConversations = 2 });
        Assert.Equal(DirectLineCreateResult.Created, store.TryCreate("a", null, out var first));
        Assert.Equal(DirectLineCreateResult.Created, store.TryCreate("b", null, out _));
        Assert.Equal(DirectLineCreateResult.Full, store.TryCreate("c", null, out var refused));
        Assert.Null(refused);

        time.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(DirectLineCreateResult.Created, store.TryCreate("c", null, out _));
        Assert.Equal(1, store.Count);
        Assert.Equal(DirectLineTokenState.Unknown, store.FindByToken(first!.Token).State);
    }

    [Fact]
    public void ClientShare_IsGivenBack_WhenItsConversationsGoIdle()
    {
        var store = NewStore(new DirectLineOptions { MaxConversationsPerClient = 1, ConversationIdleTimeout = TimeSpan.FromMinutes(5) });
        Assert.Equal(DirectLineCreateResult.Created, store.TryCreate("a", null, out _));
        Assert.Equal(DirectLineCreateResult.ClientLimitReached, store.TryCreate("a", null, out _));
        Assert.Equal(DirectLineCreateResult.Created, store.TryCreate("b", null, out var other));

        time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(DirectLineTokenState.Valid, store.FindByToken(other!.Token).State);
        time.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(DirectLineCreateResult.Created, store.TryCreate("a", null, out _));
        Assert.Equal(DirectLineCreateResult.ClientLimitReached, store.TryCreate("b", null, out _));
    }

    [Fact]
    public void IdleConversation_RefusesItsStillUnexpiredToken_BeforeAnySweep()
    {
        var store = NewStore(new DirectLineOptions { ConversationIdleTimeout = TimeSpan.FromMinutes(5) });
        store.TryCreate("a", null, out var conversation);

        time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(DirectLineTokenState.Expired, store.FindByToken(conversation!.Token).State);
        Assert.Equal(DirectLineTokenState.Expired, store.Refresh(conversation.Token).State);
    }

    [Fact]
    public void RefreshRetriedWithTheReplacedToken_IssuesAnotherToken_WithoutExtendingTheGrace()
    {
        var store = NewStore(new DirectLineOptions { RefreshGracePeriod = TimeSpan.FromMinutes(1) });
        store.TryCreate("a", null, out var conversation);
        var original = conversation!.Token;

        var lost = store.Refresh(original).Conversation!.Token;
        time.Advance(TimeSpan.FromSeconds(30));
        var retried = store.Refresh(original).Conversation!.Token;

        Assert.NotEqual(lost, retried);
        Assert.Equal(DirectLineTokenState.Unknown, store.FindByToken(lost).State);
        Assert.Equal(DirectLineTokenState.Valid, store.FindByToken(original).State);
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(DirectLineTokenState.Expired, store.FindByToken(original).State);
        Assert.Equal(DirectLineTokenState.Expired, store.Refresh(original).State);
        Assert.Equal(DirectLineTokenState.Valid, store.FindByToken(retried).State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("no-dot")]
    [InlineData("unknown.secret")]
    public void MalformedOrUnknownTokens_AreUnknown(string? token)
    {
        var store = NewStore(new DirectLineOptions());
        store.TryCreate("a", null, out _);

        Assert.Equal(DirectLineTokenLookup.Unknown, store.FindByToken(token));
        Assert.Equal(DirectLineTokenLookup.Unknown, store.Refresh(token));
    }

    private DirectLineConversationStore NewStore(DirectLineOptions options) =>
        new(Options.Create(options), time, NullLogger<DirectLineConversationStore>.Instance);
}
