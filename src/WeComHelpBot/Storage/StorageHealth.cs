using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeComHelpBot.Storage.LiteDb;

namespace WeComHelpBot.Storage;

/// <summary>
/// Whether the database can be read and written right now: the file is still where it was opened, still starts as a
/// LiteDB file and is a whole number of pages, is the same database (an id written by the first probe is still in it:
/// LiteDB's shared mode would silently make a new, empty file where a removed one was), and a small write goes
/// through the write queue and reads back within <see cref="ProbeTimeout"/>. A file removed, cut or overwritten under a running process, a read-only or full disk,
/// or a writer stuck in LiteDB all fail it. The answer is kept for <see cref="CacheFor"/>, so a flood of health
/// requests costs at most one write per that time.
/// </summary>
public sealed class StorageHealth(IServiceProvider services, string databaseFile, TimeProvider time, ILogger<StorageHealth> logger)
{
    public const string CollectionName = "health";

    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim probing = new(1, 1);
    private readonly string identity = Guid.NewGuid().ToString("N");
    private string? fileIdentity;
    private (DateTimeOffset At, bool Healthy)? last;
    private bool reportedUnhealthy;

    /// <summary>True when storage can be read and written.</summary>
    public async Task<bool> CheckAsync(CancellationToken cancellationToken = default)
    {
        if (last is { } cached && time.GetUtcNow() - cached.At < CacheFor)
        {
            return cached.Healthy;
        }

        if (!await probing.WaitAsync(ProbeTimeout, cancellationToken))
        {
            return false;
        }

        try
        {
            var healthy = await ProbeAsync(cancellationToken);
            last = (time.GetUtcNow(), healthy);
            if (healthy)
            {
                reportedUnhealthy = false;
            }

            return healthy;
        }
        finally
        {
            probing.Release();
        }
    }

    private async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        if (StorageServiceCollectionExtensions.UsesPostgres(services))
        {
            return await ProbePostgresAsync(cancellationToken);
        }

        try
        {
            // Opens the database first when nothing has yet (a new file is made then).
            var queue = services.GetRequiredService<LiteDbWriteQueue>();
            var fileProblem = FileProblem(Path.GetFullPath(databaseFile));
            if (fileProblem is not null)
            {
                return Unhealthy(fileProblem);
            }

            var stamp = time.GetUtcNow().UtcTicks;
            var expected = fileIdentity;
            var write = queue.WriteAsync(
                db =>
                {
                    var collection = db.GetCollection(CollectionName);
                    var stored = collection.FindById("identity")?["value"];
                    if (stored is null || !stored.IsString)
                    {
                        if (expected is not null)
                        {
                            return null;
                        }

                        collection.Insert(new BsonDocument { ["_id"] = "identity", ["value"] = identity });
                        stored = identity;
                    }

                    collection.Upsert(new BsonDocument { ["_id"] = "probe", ["at"] = stamp });
                    return collection.FindById("probe")?["at"].AsInt64 == stamp ? stored.AsString : null;
                },
                cancellationToken);
            var found = await write.WaitAsync(ProbeTimeout, time, cancellationToken);
            if (found is null || (expected is not null && found != expected))
            {
                return Unhealthy("the database file was replaced, or the probe read back another value");
            }

            fileIdentity = found;
            return true;
        }
        catch (TimeoutException)
        {
            return Unhealthy("the probe write did not finish in time");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Unhealthy(ex.GetType().Name);
        }
    }

    private static string? FileProblem(string fullPath)
    {
        try
        {
            FileInfo file = new(fullPath);
            if (!file.Exists)
            {
                return "the database file is gone";
            }

            if (file.Length == 0 || file.Length % LiteDbPageCheck.PageSize != 0)
            {
                return "the database file is not a whole number of pages";
            }

            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var header = new byte[LiteDbPageCheck.PageSize];
            stream.ReadExactly(header);
            return LiteDbFileCheck.HasLiteDbHeader(header) ? null : "the database file no longer starts as a LiteDB file";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.GetType().Name;
        }
    }

    private bool Unhealthy(string reason)
    {
        // One line when storage turns bad, not one per health request.
        if (!reportedUnhealthy)
        {
            reportedUnhealthy = true;
            logger.LogError("Storage is not usable: {Reason}", reason);
        }

        return false;
    }

    /// <summary>With PostgreSQL: the server answers a query on the bot's schema within <see cref="ProbeTimeout"/>.</summary>
    private async Task<bool> ProbePostgresAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ProbeTimeout);
            var database = services.GetRequiredService<Postgres.PostgresDatabase>();
            await using var connection = await database.OpenAsync(timeout.Token);
            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
            await command.ExecuteScalarAsync(timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or Postgres.PostgresUnavailableException or OperationCanceledException or InvalidOperationException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            return Unhealthy("PostgreSQL did not answer: " + ex.GetType().Name);
        }
    }
}
