using LiteDB;

namespace WeComHelpBot.Storage;

/// <summary>
/// How the LiteDB file is opened (section "Storage"). <see cref="ConnectionType.Direct"/> (the default) keeps the file
/// open in this process alone, with the state cache: the fast path. Another process cannot open the file meanwhile, so
/// a server that holds it announces a local endpoint (server.json) that `wecomhelp tickets|stats|kb gaps` use instead.
/// <see cref="ConnectionType.Shared"/> lets several processes open the file at once, at the cost of reopening it around
/// every operation (several times slower; bench/README.md).
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The state cache size when <see cref="StateCacheSize"/> is not set and the file is opened Direct.</summary>
    public const int DefaultStateCacheSize = 10_000;

    /// <summary>LiteDb (the default) or Postgres; with Postgres, <see cref="ConnectionString"/> names the database.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.LiteDb;

    /// <summary>An Npgsql connection string (Host=…;Port=…;Username=…;Password=…;Database=…), used with Postgres only.</summary>
    public string? ConnectionString { get; set; }

    public ConnectionType Connection { get; set; } = ConnectionType.Direct;

    /// <summary>
    /// The bot state of this many recently written keys (about one per active conversation) is also kept in memory, so
    /// the next turn reads it without going to the file; 0 turns that off. Not set: <see cref="DefaultStateCacheSize"/>
    /// in Direct mode, where no other process can write the file, and off in Shared mode. Setting it in Shared mode is
    /// safe for data (ETags are still checked against the file, so a change another process made to a cached key is
    /// never overwritten: that write fails with a conflict and the key is read from the file again), but a read can
    /// return this process's last write of a key that another process has changed since; so set it there only when
    /// each conversation is served by one process.
    /// </summary>
    public int? StateCacheSize { get; set; }

    /// <summary>
    /// At shutdown, how long queued writes and then the file's close may each take before they are abandoned (the log
    /// keeps what was committed); not set: as long as they take. The server sets 2 s so that SIGTERM ends it within 10 s
    /// even when a write is stuck in a damaged or locked file.
    /// </summary>
    public TimeSpan? CloseTimeout { get; set; }

    /// <summary>The state cache size that applies: <see cref="StateCacheSize"/> when set, else the default for the connection.</summary>
    public int EffectiveStateCacheSize => Math.Max(0, StateCacheSize ?? (Connection == ConnectionType.Direct ? DefaultStateCacheSize : 0));
}
