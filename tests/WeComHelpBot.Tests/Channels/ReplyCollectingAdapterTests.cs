using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using WeComHelpBot.Channels;

namespace WeComHelpBot.Tests.Channels;

public sealed class ReplyCollectingAdapterTests
{
    private readonly ReplyCollectingAdapter adapter = new(new TurnErrorReporter(NullLogger<TurnErrorReporter>.Instance), []);

    private static Activity Incoming(string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "in-1",
        ChannelId = "wecom",
        Text = text,
        From = new ChannelAccount("u1", role: RoleTypes.User),
        Recipient = new ChannelAccount("bot", role: RoleTypes.Bot),
        Conversation = new ConversationAccount(id: "wecom:u1"),
    };

    [Fact]
    public async Task ProcessActivityAsync_ReturnsRepliesInOrder_AddressedBackToTheUser()
    {
        var bot = new DelegateBot(async (context, ct) =>
        {
            await context.SendActivityAsync("一", cancellationToken: ct);
            await context.SendActivityAsync(new Activity(ActivityTypes.Trace) { Name = "debug" }, ct);
            await context.SendActivitiesAsync([MessageFactory.Text("二"), MessageFactory.Text("三")], ct);
        });

        var replies = await adapter.ProcessActivityAsync(Incoming("hi"), bot);

        Assert.Equal(["一", "二", "三"], replies.Select(r => r.Text));
        Assert.All(replies, r =>
        {
            Assert.Equal("u1", r.Recipient.Id);
            Assert.Equal("bot", r.From.Id);
            Assert.Equal("wecom:u1", r.Conversation.Id);
            Assert.Equal("in-1", r.ReplyToId);
        });
    }

    [Fact]
    public async Task ProcessActivityAsync_TellsTheUserInChinese_WhenTheBotThrows()
    {
        var bot = new DelegateBot((_, _) => throw new InvalidOperationException("boom 13812345678"));

        var replies = await adapter.ProcessActivityAsync(Incoming("hi"), bot);

        Assert.Equal(ChannelTexts.TurnFailed, Assert.Single(replies).Text);
    }

    [Fact]
    public async Task OnTurnError_LogsTheFailure_WithoutTheExceptionMessageOrUserText()
    {
        var logger = new CapturingLogger<TurnErrorReporter>();
        var loggingAdapter = new ReplyCollectingAdapter(new TurnErrorReporter(logger), []);
        var bot = new DelegateBot((_, _) => throw new InvalidOperationException("手机号 13812345678"));

        await loggingAdapter.ProcessActivityAsync(Incoming("我的手机号是13812345678"), bot);

        var line = Assert.Single(logger.Lines);
        Assert.Contains("InvalidOperationException", line, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", line, StringComparison.Ordinal);
    }

    private sealed class DelegateBot(Func<ITurnContext, CancellationToken, Task> onTurn) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) => onTurn(turnContext, cancellationToken);
    }

    [Fact]
    public async Task Turns_RunTheRegisteredMiddleware()
    {
        var seen = new List<string>();
        var withMiddleware = new ReplyCollectingAdapter(
            new TurnErrorReporter(NullLogger<TurnErrorReporter>.Instance),
            [new RecordingMiddleware(seen)]);

        await withMiddleware.ProcessActivityAsync(Incoming("你好"), new DelegateBot((_, _) => Task.CompletedTask));

        Assert.Equal(["你好"], seen);
    }

    private sealed class RecordingMiddleware(List<string> seen) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            seen.Add(turnContext.Activity.Text);
            return next(cancellationToken);
        }
    }
}
