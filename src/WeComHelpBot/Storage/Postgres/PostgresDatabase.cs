using Microsoft.Extensions.Logging;
using Npgsql;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>
/// The shared PostgreSQL database: one pooled data source for the process, and the schema brought up to date
/// (<see cref="PostgresMigrations"/>) before the first command any store runs. Every Postgres store takes its
/// connections from <see cref="OpenAsync"/>, so none can run against a schema older than the code.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly ILogger<PostgresDatabase> logger;
    private readonly SemaphoreSlim migrating = new(1, 1);
    private readonly string? userName;
    private volatile bool migrated;

    public PostgresDatabase(string connectionString, ILogger<PostgresDatabase> logger)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StorageSettingsException(
                "Storage:Provider 为 Postgres，但没有设置 Storage:ConnectionString（环境变量 Storage__ConnectionString），"
                + "应为 Host=…;Port=5432;Username=…;Password=…;Database=… 的形式。");
        }

        try
        {
            var settings = new NpgsqlConnectionStringBuilder(connectionString);
            dataSource = NpgsqlDataSource.Create(settings);
            Target = $"{settings.Host}:{settings.Port}/{settings.Database ?? settings.Username}";
            userName = settings.Username;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or NotSupportedException)
        {
            // Npgsql's message may quote part of the string (a password with a stray ';' becomes a "keyword"): not shown.
            throw new StorageSettingsException(
                "Storage:ConnectionString（环境变量 Storage__ConnectionString）不是有效的 Npgsql 连接字符串："
                + "应为 Host=…;Port=5432;Username=…;Password=…;Database=… 的形式（值里含分号或等号时用双引号括起）。",
                ex);
        }

        this.logger = logger;
    }

    /// <summary>host:port/database of the connection string, for messages (never the password).</summary>
    public string Target { get; }

    /// <summary>An open connection on a schema at <see cref="PostgresMigrations.LatestVersion"/>; dispose it to return it to the pool.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!migrated)
        {
            await MigrateAsync(cancellationToken);
        }

        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>
    /// Creates or upgrades the schema; safe to run from several processes at once (they take turns). A server that
    /// cannot be reached, a refused login, a missing database or a schema newer than this build throw
    /// <see cref="PostgresUnavailableException"/>.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await migrating.WaitAsync(cancellationToken);
        try
        {
            if (migrated)
            {
                return;
            }

            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var applied = await PostgresMigrations.ApplyAsync(connection, cancellationToken);
            if (applied > 0)
            {
                logger.LogInformation("PostgreSQL schema upgraded by {Count} migration(s) to version {Version}", applied, PostgresMigrations.LatestVersion);
            }

            migrated = true;
        }
        catch (NpgsqlException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(ex);
        }
        finally
        {
            migrating.Release();
        }
    }

    private PostgresUnavailableException Unavailable(NpgsqlException exception) => new(
        exception switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
                $"无法登录 PostgreSQL 数据库 {Target}：用户 {userName} 的密码不对，或服务器不允许该用户从本机连接（pg_hba.conf）。",
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
                $"无法使用 PostgreSQL 数据库 {Target}：服务器上没有这个数据库，请先创建它（CREATE DATABASE），或改正 Storage:ConnectionString 里的 Database。",
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } =>
                $"无法使用 PostgreSQL 数据库 {Target}：用户 {userName} 没有建表或读写的权限。",
            PostgresException postgres =>
                $"无法使用 PostgreSQL 数据库 {Target}：服务器拒绝了请求（{postgres.SqlState}）。",
            _ => $"无法连接 PostgreSQL 数据库 {Target}：服务器没有应答（没有运行、主机或端口不对，或被防火墙挡住）。",
        },
        exception);

    public async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync();
        migrating.Dispose();
    }

    /// <summary>For containers disposed synchronously (a test host, a tool's <c>using</c>), which refuse async-only services.</summary>
    public void Dispose()
    {
        dataSource.Dispose();
        migrating.Dispose();
    }
}
