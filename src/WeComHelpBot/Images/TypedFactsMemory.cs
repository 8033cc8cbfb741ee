using BitFaster.Caching.Lru;
using Microsoft.Bot.Builder;

namespace WeComHelpBot.Images;

/// <summary>
/// Remembers, in this process's memory only and for <see cref="Lifetime"/>, the code and company name a user typed,
/// so a licence photo sent a little later can be compared with them character by character. Never written to bot
/// state, the transcript or the database: the flows deliberately keep no code, and this keeps that promise on disk.
/// </summary>
public sealed class TypedFactsMemory
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>Set in a turn's state when its text was written by the image handler, not typed.</summary>
    internal const string FromImageKey = "images.textFromImage";

    private const int Capacity = 10_000;

    private readonly ConcurrentTLru<string, TypedFacts> facts = new(Capacity, Lifetime);

    public TypedFacts? Get(ITurnContext turnContext) => KeyOf(turnContext) is { } key && facts.TryGet(key, out var value) ? value : null;

    public void Remember(ITurnContext turnContext, string? creditCode, string? companyName)
    {
        if (KeyOf(turnContext) is not { } key || (creditCode is null && companyName is null))
        {
            return;
        }

        var known = facts.TryGet(key, out var value) ? value : new TypedFacts(null, null);
        facts.AddOrUpdate(key, new TypedFacts(creditCode ?? known.CreditCode, companyName ?? known.CompanyName));
    }

    private static string? KeyOf(ITurnContext turnContext) =>
        turnContext.Activity.Conversation?.Id is { Length: > 0 } id ? $"{turnContext.Activity.ChannelId}\n{id}" : null;
}
