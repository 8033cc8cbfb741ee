using Microsoft.Bot.Builder;

namespace WeComHelpBot.Channels;

/// <summary>Fails every turn with a storage failure met before the turn began, so the adapter's OnTurnError answers it.</summary>
public sealed class StorageFailureBot(Exception failure) : IBot
{
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) => Task.FromException(failure);
}
