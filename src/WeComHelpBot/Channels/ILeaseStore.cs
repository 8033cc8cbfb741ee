namespace WeComHelpBot.Channels;

/// <summary>
/// A named lease in the shared database, so that among several server processes only one holds something at a time
/// (the AI bot's long connection: WeCom keeps one connection per bot and kicks the older one).
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes or renews <paramref name="name"/> for <paramref name="holder"/> until now + <paramref name="duration"/>; true
    /// when <paramref name="holder"/> holds it afterwards (free, expired, or already its own).
    /// </summary>
    Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up if <paramref name="holder"/> holds it.</summary>
    Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default);
}
