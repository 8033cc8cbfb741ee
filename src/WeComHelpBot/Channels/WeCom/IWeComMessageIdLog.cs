namespace WeComHelpBot.Channels.WeCom;

/// <summary>
/// Where <see cref="WeComMessageIdStore"/> keeps the (hashed) ids of WeCom deliveries already handled: the LiteDB file
/// or the PostgreSQL database that several server processes share. Implementations live under Storage/LiteDb and
/// Storage/Postgres and are picked by <c>Storage:Provider</c> (StorageServiceCollectionExtensions).
/// </summary>
public interface IWeComMessageIdLog
{
    /// <summary>
    /// Records <paramref name="id"/> as handled at <paramref name="at"/>: true when it was not recorded after
    /// <paramref name="cutoff"/> (first delivery, or one whose record expired), false for a delivery already handled.
    /// With <paramref name="purgeExpired"/>, records older than <paramref name="cutoff"/> are deleted in the same write.
    /// </summary>
    Task<bool> TryAddAsync(string id, DateTime at, DateTime cutoff, bool purgeExpired, CancellationToken cancellationToken = default);
}
