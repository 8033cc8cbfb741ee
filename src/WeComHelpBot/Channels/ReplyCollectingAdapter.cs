using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace WeComHelpBot.Channels;

/// <summary>
/// Runs a bot turn in-process and hands back what the bot sent, for channels we host ourselves (Direct Line
/// for the web chat, WeCom): they deliver the replies their own way. Trace activities are dropped, as a real
/// channel does.
/// </summary>
public sealed class ReplyCollectingAdapter : BotAdapter
{
    private const string RepliesKey = "WeComHelpBot.Channels.CollectedReplies";

    public ReplyCollectingAdapter(TurnErrorReporter errorReporter)
        : this(errorReporter, [])
    {
    }

    /// <summary>With the registered middleware (the masking transcript logger among them), as every adapter built from DI.</summary>
    public ReplyCollectingAdapter(TurnErrorReporter errorReporter, IEnumerable<IMiddleware> middleware)
    {
        OnTurnError = errorReporter.OnTurnErrorAsync;
        foreach (var item in middleware)
        {
            Use(item);
        }
    }

    public async Task<IReadOnlyList<Activity>> ProcessActivityAsync(Activity activity, IBot bot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        var replies = new List<Activity>();
        using var context = new TurnContext(this, activity);
        context.TurnState.Add(RepliesKey, replies);
        await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken);
        lock (replies)
        {
            return replies.ToArray();
        }
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var replies = turnContext.TurnState.Get<List<Activity>>(RepliesKey)
            ?? throw new InvalidOperationException("This turn was not started by ReplyCollectingAdapter.ProcessActivityAsync.");
        var responses = new ResourceResponse[activities.Length];
        lock (replies)
        {
            for (var i = 0; i < activities.Length; i++)
            {
                var activity = activities[i];
                activity.Id ??= Guid.NewGuid().ToString("N");
                if (activity.Type != ActivityTypes.Trace)
                {
                    replies.Add(activity);
                }

                responses[i] = new ResourceResponse(activity.Id);
            }
        }

        return Task.FromResult(responses);
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("In-process channels cannot change a reply once sent.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("In-process channels cannot delete a reply once sent.");
}
