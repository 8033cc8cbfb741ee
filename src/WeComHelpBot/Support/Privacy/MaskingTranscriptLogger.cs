using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace WeComHelpBot.Support.Privacy;

/// <summary>
/// Bot Builder <see cref="ITranscriptLogger"/> that keeps the text of messages (and the titles of offered choices)
/// in <see cref="TranscriptStore"/>, masked. Use it through <c>new TranscriptLoggerMiddleware(logger)</c> on the adapter:
/// the middleware hands it both the incoming and the outgoing activities.
/// </summary>
public sealed class MaskingTranscriptLogger : ITranscriptLogger
{
    private readonly TranscriptStore store;
    private readonly TimeProvider time;

    public MaskingTranscriptLogger(TranscriptStore store, TimeProvider time)
    {
        this.store = store;
        this.time = time;
    }

    public Task LogActivityAsync(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type != ActivityTypes.Message || activity is not IMessageActivity message)
        {
            return Task.CompletedTask;
        }

        var text = message.Text ?? string.Empty;
        var choices = message.SuggestedActions?.Actions?.Select(a => a.Title ?? a.Value?.ToString()).Where(t => !string.IsNullOrEmpty(t)).ToList();
        if (choices is { Count: > 0 })
        {
            text = string.IsNullOrEmpty(text) ? $"[选项] {string.Join(" | ", choices)}" : $"{text}\n[选项] {string.Join(" | ", choices)}";
        }

        if (string.IsNullOrEmpty(text))
        {
            return Task.CompletedTask;
        }

        var entry = new TranscriptEntry(
            activity.Conversation?.Id ?? string.Empty,
            activity.ChannelId ?? string.Empty,
            time.GetUtcNow(),
            IsFromBot(activity) ? TranscriptDirection.Outgoing : TranscriptDirection.Incoming,
            text);
        return store.AppendAsync(entry);
    }

    private static bool IsFromBot(IActivity activity) =>
        string.Equals(activity.From?.Role, RoleTypes.Bot, StringComparison.OrdinalIgnoreCase)
        || (activity.From?.Role is null && activity.ReplyToId is not null);
}
