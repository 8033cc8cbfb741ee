using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace WeComHelpBot.Privacy;

/// <summary>
/// A short line the transcript keeps instead of a reply's text: a member-file report can run to thousands of
/// characters that say nothing the summary does not, and a stranger could otherwise grow the database with every file.
/// Kept in the turn's state, so it lives for the turn only and never reaches the channel.
/// </summary>
public static class TranscriptSummary
{
    private const string TurnStateKey = "WeComHelpBot.TranscriptSummary";

    /// <summary>Stores <paramref name="summary"/> for <paramref name="activity"/>, to be sent in this turn.</summary>
    public static void Set(ITurnContext turnContext, IActivity activity, string summary)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var summaries = turnContext.TurnState.Get<Dictionary<object, string>>(TurnStateKey);
        if (summaries is null)
        {
            // By reference: the adapter sends the same Activity object the handler built.
            summaries = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
            turnContext.TurnState.Set(TurnStateKey, summaries);
        }

        summaries[activity] = summary;
    }

    /// <summary>The summary set for <paramref name="activity"/> in this turn, or null.</summary>
    internal static string? Get(ITurnContext turnContext, IActivity activity) =>
        turnContext.TurnState.Get<Dictionary<object, string>>(TurnStateKey)?.GetValueOrDefault(activity);
}
