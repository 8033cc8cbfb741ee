using System.Collections.Concurrent;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace WeComHelpBot.Storage.LiteDb;

/// <summary>
/// Hands out one <see cref="LiteDatabase"/> per file for the whole process. <see cref="ConnectionType.Direct"/> (what
/// <see cref="StorageOptions"/> asks for by default) keeps the file open for this process alone;
/// <see cref="ConnectionType.Shared"/> (a named mutex around every operation) lets a second process use it at the same time.
/// </summary>
public sealed class LiteDatabaseProvider : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<LiteDatabase>> databases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FileStream> modeLocks = new(StringComparer.Ordinal);
    private readonly ConnectionType connectionType;
    private readonly ILogger logger;
    private readonly TimeSpan closeWait;

    /// <param name="closeWait">
    /// How long <see cref="Dispose"/> waits for each file to close (LiteDB's close waits for its lock and checkpoints);
    /// null waits until it is closed. Hosts that must stop in time set it (<see cref="StorageOptions.CloseTimeout"/>).
    /// </param>
    public LiteDatabaseProvider(ConnectionType connectionType = ConnectionType.Shared, ILogger<LiteDatabaseProvider>? logger = null, TimeSpan? closeWait = null)
    {
        this.connectionType = connectionType;
        this.logger = logger ?? NullLogger<LiteDatabaseProvider>.Instance;
        this.closeWait = closeWait ?? Timeout.InfiniteTimeSpan;
    }

    public ConnectionType ConnectionType => connectionType;

    /// <summary>Opens (once) the database in <paramref name="filePath"/>, creating its folder. Throws <see cref="StorageUnavailableException"/>.</summary>
    public LiteDatabase GetDatabase(string filePath)
    {
        var fullPath = Path.GetFullPath(filePath);
        var lazy = databases.GetOrAdd(fullPath, path => new Lazy<LiteDatabase>(() => OpenLocked(path), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed open is not cached: the next call tries again (the file may have been unlocked).
            databases.TryRemove(new KeyValuePair<string, Lazy<LiteDatabase>>(fullPath, lazy));
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var modeLock in modeLocks.Values)
        {
            modeLock.Dispose();
        }

        modeLocks.Clear();
        foreach (var (path, lazy) in databases)
        {
            if (lazy.IsValueCreated && !Task.Run(lazy.Value.Dispose).Wait(closeWait))
            {
                // A file damaged or locked under us: shutting down matters more than LiteDB's last checkpoint.
                logger.LogError("LiteDB did not close {FileName} within {Wait}; left as it is", Path.GetFileName(path), closeWait);
            }
        }

        databases.Clear();
    }

    /// <summary>
    /// Direct mode gives no protection against a second process writing the same file (LiteDB's own file lock is
    /// advisory and shared on Linux), so the mode is declared on a lock file beside the database for as long as it is
    /// open: a direct-mode process holds it exclusively, shared-mode processes hold it shared. A process that would
    /// mix the two is refused with a clear message instead of corrupting the file.
    /// </summary>
    private LiteDatabase OpenLocked(string fullPath)
    {
        var lockPath = fullPath + ".mode-lock";
        FileStream modeLock;
        try
        {
            DataFolderPermissions.CreateFolder(Path.GetDirectoryName(lockPath)!);
            modeLock = new FileStream(
                lockPath,
                FileMode.OpenOrCreate,
                FileAccess.ReadWrite,
                connectionType == ConnectionType.Direct ? FileShare.None : FileShare.ReadWrite);
        }
        catch (IOException ex)
        {
            throw new StorageUnavailableException(
                fullPath,
                connectionType == ConnectionType.Direct
                    ? "另一个进程正在使用该文件（例如 CLI 或另一个服务器）；Direct 模式需要独占，请先关闭它们，或改用 Shared 模式"
                    : "服务器正以 Direct 模式独占该文件；请先停止服务器，或让服务器改用 Storage:Connection=Shared",
                ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StorageUnavailableException(fullPath, "没有读写权限", ex);
        }

        try
        {
            var database = Open(fullPath, connectionType);
            modeLocks[fullPath] = modeLock;
            return database;
        }
        catch
        {
            modeLock.Dispose();
            throw;
        }
    }

    private LiteDatabase Open(string fullPath, ConnectionType connectionType)
    {
        try
        {
            DataFolderPermissions.CreateFolder(Path.GetDirectoryName(fullPath)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException(fullPath, $"无法创建所在目录（{ex.Message}）", ex);
        }

        // Never opened for writing before it is checked; a new database only where there is no file at all.
        LiteDbFileCheck.Verify(fullPath, shared: connectionType == ConnectionType.Shared);
        var isNew = !File.Exists(fullPath);
        var connection = new ConnectionString
        {
            Filename = fullPath,
            Connection = connectionType,
            Upgrade = false,
        };
        if (isNew)
        {
            // The collation is fixed when the file is made; an existing file keeps its own until it is rebuilt below.
            connection.Collation = OrdinalCollation;
        }

        LiteDatabase? database = null;
        try
        {
            database = new LiteDatabase(connection);

            // Shared mode opens the file lazily; touch it now so a damaged or locked file fails here, with its name.
            _ = database.GetCollectionNames().ToList();
            if (!IsOrdinal(database))
            {
                database.Rebuild(new LiteDB.Engine.RebuildOptions { Collation = OrdinalCollation });
            }

            DataFolderPermissions.Tighten(fullPath, isNew, logger);
            return database;
        }
        catch (Exception ex) when (IsOpenFailure(ex))
        {
            database?.Dispose();
            throw new StorageUnavailableException(fullPath, Describe(ex), ex);
        }
    }

    /// <summary>
    /// Keys and indexed values compare as exact text. LiteDB's default collation ignores case, so the bot state keys of
    /// two conversations whose ids differ only in case ("…/conversations/Ab" and "…/ab") were one document, and every
    /// comparison went through ICU. Files made before this are rebuilt with it once, when first opened.
    /// </summary>
    public static readonly Collation OrdinalCollation = new("en-US/Ordinal");

    internal static bool IsOrdinal(LiteDatabase database) =>
        new Collation(database.Pragma("COLLATION").AsString).SortOptions == System.Globalization.CompareOptions.Ordinal;

    internal static bool IsOpenFailure(Exception ex) =>
        ex is LiteException or IOException or UnauthorizedAccessException or InvalidCastException or InvalidOperationException
            or ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException or NotSupportedException;

    internal static string Describe(Exception ex) => ex switch
    {
        LiteException lite when lite.ErrorCode == LiteException.INVALID_DATABASE => "文件不是有效的数据库，或已损坏",
        LiteException lite => $"数据库报错（{lite.Message}）",
        UnauthorizedAccessException => "没有读写权限",
        IOException io => $"文件被占用或无法读写（{io.Message}）",
        _ => $"文件可能已损坏（{ex.Message}）",
    };
}
