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
    /// The bot state of this many recently written keys (about one per active conversation) is also kept in memory, so
    /// the next turn reads it without going to the file; 0 turns that off. ETags are still checked against the file, so
    /// a change another process made to a cached key is never overwritten: that write fails with a conflict and the key
    /// is read from the file again.
    /// </summary>
    public int StateCacheSize { get; set; } = 10_000;
}
