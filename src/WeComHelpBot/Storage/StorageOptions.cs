using LiteDB;

namespace WeComHelpBot.Storage;

/// <summary>
/// How the LiteDB file is opened (section "Storage"). <see cref="ConnectionType.Shared"/> (the default) lets several
/// processes use the file at once (the server and a `wecomhelp tickets` command), at the cost of reopening the file
/// around every operation. <see cref="ConnectionType.Direct"/> keeps the file open in this process only: many times
/// faster, but another process cannot open the file while this one runs (it gets a clear "file in use" error).
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public ConnectionType Connection { get; set; } = ConnectionType.Shared;

    /// <summary>
    /// With <see cref="ConnectionType.Direct"/>, the bot state of this many recently written keys (about one per active
    /// conversation) is also kept in memory, so the next turn reads it without going to the file; 0 turns that off.
    /// Ignored in Shared mode, where another process may change the file behind the cache.
    /// </summary>
    public int StateCacheSize { get; set; } = 10_000;

    /// <summary>The state cache size that applies to this connection: <see cref="StateCacheSize"/> in Direct mode, else 0.</summary>
    public int EffectiveStateCacheSize => Connection == ConnectionType.Direct ? Math.Max(0, StateCacheSize) : 0;
}
