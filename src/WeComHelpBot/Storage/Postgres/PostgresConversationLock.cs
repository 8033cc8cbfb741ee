using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;
using WeComHelpBot.Channels;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>
/// The per-conversation lock across server processes: a session-level <c>pg_advisory_lock</c> on a 64-bit hash of the
/// conversation key, held on a connection of its own for the length of the turn and released explicitly (a pooled
/// connection would otherwise keep it until reused). If the process dies, the server ends its session and the lock with
/// it, so a crashed process never blocks a conversation. Two keys that share a hash merely take turns.
/// </summary>
public sealed class PostgresConversationLock(PostgresDatabase database, ILogger<PostgresConversationLock> logger) : IConversationLock
{
    public async Task<IDisposable> AcquireAsync(string conversationKey, CancellationToken cancellationToken = default)
    {
        var key = LockKey(conversationKey);
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Held(connection, key, logger);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A stable 64-bit key (the same in every process and version): the first 8 bytes of SHA-256 of the key.</summary>
    public static long LockKey(string conversationKey)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        return BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("turn:" + conversationKey)));
    }

    private sealed class Held(NpgsqlConnection connection, long key, ILogger logger) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                command.ExecuteNonQuery();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The session is broken; the server releases its locks when it ends it.
                logger.LogWarning("A conversation lock could not be released explicitly ({ExceptionType}); the server releases it with the session", ex.GetType().Name);
            }
            finally
            {
                connection.Dispose();
            }
        }
    }
}
