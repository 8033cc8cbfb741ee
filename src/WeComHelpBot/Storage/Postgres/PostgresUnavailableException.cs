namespace WeComHelpBot.Storage.Postgres;

/// <summary>
/// The PostgreSQL database cannot be used: the server does not answer, refuses the login, has no such database, or
/// holds a schema newer than this build. The message is one zh-CN line naming host:port/database, never the password.
/// </summary>
public sealed class PostgresUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
