using System.ComponentModel;

namespace WeComHelpBot.Storage;

/// <summary>Where bot state and support data live (<c>Storage:Provider</c>).</summary>
[TypeConverter(typeof(StorageProviderConverter))]
public enum StorageProvider
{
    /// <summary>One embedded LiteDB file beside the bot: nothing to install, one server process.</summary>
    LiteDb,

    /// <summary>A PostgreSQL database (<c>Storage:ConnectionString</c>) that any number of server processes share.</summary>
    Postgres,
}
