using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace WeComHelpBot.Storage.LiteDb;

/// <summary>
/// Checks a database file, and the log file beside it, before LiteDB opens them for writing. LiteDB trusts what a file
/// says about itself: a damaged header made it see no collections and write new ones over the data, a truncated file
/// made every turn wait on a failed transaction, and a torn last page it silently cuts off. A damaged file is
/// therefore refused before it is ever opened for writing, and left as it is for a person to restore.
/// The check goes as deep as LiteDB can see: every page of the file (what each page says it is, and whether that
/// matches the header and its own slots), then every document of every collection read once through every index,
/// through LiteDB itself, on a read-only view of the file (see <see cref="ReadOnlyOverlayStream"/>).
/// What no check can see: LiteDB 5 keeps no checksums, so a changed byte inside a stored text reads as other text.
/// </summary>
public static class LiteDbFileCheck
{
    /// <summary>
    /// A file whose full read takes longer than this (a loop of page links, a hung disk) is refused: 30 s, or the time
    /// to read it at 2 MB/s when that is longer, so a large sound file on a slow disk is not mistaken for a loop.
    /// </summary>
    public static TimeSpan ReadLimitFor(long fileBytes) =>
        TimeSpan.FromSeconds(Math.Max(30, fileBytes / (2 * 1024 * 1024)));

    private const int HeaderInfoOffset = 32;
    private static readonly TimeSpan SharedLockWait = TimeSpan.FromSeconds(5);
    private static readonly byte[] HeaderInfo = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>LiteDB's log file for <paramref name="databaseFile"/>: "name-log.ext" in the same folder.</summary>
    public static string LogFile(string databaseFile) =>
        Path.Combine(
            Path.GetDirectoryName(Path.GetFullPath(databaseFile))!,
            Path.GetFileNameWithoutExtension(databaseFile) + "-log" + Path.GetExtension(databaseFile));

    /// <summary>
    /// Throws <see cref="StorageUnavailableException"/> (naming the file) when <paramref name="fullPath"/> exists and is
    /// not a sound LiteDB 5 database, or cannot be read. Does nothing when no file is there: a new one may be made.
    /// </summary>
    /// <param name="shared">
    /// The file may be in use by other processes in LiteDB's shared mode: the check then holds LiteDB's own lock for the
    /// file, so it never reads a file another process is half-way through writing.
    /// </param>
    public static void Verify(string fullPath, bool shared = false)
    {
        var problem = shared ? FindProblemLocked(fullPath) : FindProblem(fullPath);
        if (problem is not null)
        {
            // Once more, in case a writer we could not lock out was at work: a damaged file stays damaged.
            Thread.Sleep(250);
            problem = shared ? FindProblemLocked(fullPath) : FindProblem(fullPath);
        }

        if (problem is not null)
        {
            throw new StorageUnavailableException(fullPath, $"文件已损坏（{problem}）；请从备份恢复该文件，或换一个数据目录");
        }
    }

    /// <summary>
    /// <see cref="FindProblem"/> under the named mutex LiteDB's shared mode takes around every use of the file (named as
    /// LiteDB 5 names it, from the SHA-1 of the lower-cased full path: a name, not a security measure). A holder that
    /// keeps it past <see cref="SharedLockWait"/> is not waited for.
    /// </summary>
    private static string? FindProblemLocked(string fullPath)
    {
        var name = "Global\\" + Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(fullPath.ToLowerInvariant()))) + ".Mutex";
        using var mutex = new Mutex(false, name);
        bool held;
        try
        {
            held = mutex.WaitOne(SharedLockWait);
        }
        catch (AbandonedMutexException)
        {
            // A process ended while holding it; it is ours now.
            held = true;
        }

        try
        {
            return FindProblem(fullPath);
        }
        finally
        {
            if (held)
            {
                mutex.ReleaseMutex();
            }
        }
    }

    /// <summary>What is wrong with the file, or null when it is sound or absent. Throws only when it cannot be read.</summary>
    public static string? FindProblem(string fullPath)
    {
        var logFile = LogFile(fullPath);
        try
        {
            FileInfo file = new(fullPath);
            FileInfo log = new(logFile);
            if (!file.Exists)
            {
                return log.Exists && log.Length > 0 ? $"数据文件不存在，但它的日志文件 {logFile} 还在" : null;
            }

            if (file.Length == 0)
            {
                return "文件是空的（0 字节）";
            }

            if (file.Length % LiteDbPageCheck.PageSize != 0)
            {
                return $"文件长度 {file.Length} 字节不是整页，末尾被截断或多出了内容";
            }

            if (log.Exists && log.Length % LiteDbPageCheck.PageSize != 0)
            {
                return $"日志文件 {logFile} 的长度不是整页，末尾被截断";
            }

            var hasLog = log.Exists && log.Length > 0;
            using (var data = OpenRead(fullPath))
            {
                var header = new byte[HeaderInfoOffset + HeaderInfo.Length];
                data.ReadExactly(header);
                if (!header.AsSpan(HeaderInfoOffset).SequenceEqual(HeaderInfo))
                {
                    return "不是 LiteDB 数据库文件，或开头已损坏";
                }

                // With a log, the data file alone may be mid-checkpoint: its pages are checked after the log is applied.
                var problem = hasLog ? null : LiteDbPageCheck.Check(data);
                if (problem is not null)
                {
                    return problem;
                }
            }

            return ReadEverything(fullPath, hasLog ? logFile : null, ReadLimitFor(file.Length + (hasLog ? log.Length : 0)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException(fullPath, LiteDatabaseProvider.Describe(ex), ex);
        }
    }

    /// <summary>True when <paramref name="firstPage"/> begins like a LiteDB 5 header page (a cheap look, not the full check).</summary>
    public static bool HasLiteDbHeader(ReadOnlySpan<byte> firstPage) =>
        firstPage.Length > 59
        && firstPage[..4].SequenceEqual(new byte[4])
        && firstPage[4] == 1
        && firstPage.Slice(HeaderInfoOffset, HeaderInfo.Length).SequenceEqual(HeaderInfo)
        && firstPage[59] == 8;

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.SequentialScan);

    /// <summary>LiteDB's own reading of every document and index, on a thread of its own so a loop cannot hold the caller.</summary>
    private static string? ReadEverything(string fullPath, string? logFile, TimeSpan limit)
    {
        var read = Task.Factory.StartNew(
            () => ReadEverythingNow(fullPath, logFile),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        return read.Wait(limit)
            ? read.Result
            : $"{limit.TotalSeconds:0} 秒内没能读完全部内容，页面之间的链接可能已损坏";
    }

    private static string? ReadEverythingNow(string fullPath, string? logFile)
    {
        using var data = new ReadOnlyOverlayStream(OpenRead(fullPath));
        using var log = new ReadOnlyOverlayStream(logFile is null ? null : OpenRead(logFile));
        try
        {
            using var database = new LiteDatabase(data, logStream: log);
            if (logFile is not null)
            {
                // The log applied to the view, never to the file; then the pages are what the file will hold once opened.
                database.Checkpoint();
                var problem = LiteDbPageCheck.Check(data);
                if (problem is not null)
                {
                    return $"日志写回后：{problem}";
                }
            }

            var indexes = database.GetCollection("$indexes").FindAll().ToList();
            foreach (var name in database.GetCollectionNames().ToList())
            {
                var collection = database.GetCollection(name);
                var documents = collection.FindAll().LongCount();
                foreach (var index in indexes.Where(i => i["collection"].AsString == name && i["name"].AsString != "_id"))
                {
                    // Only the index's own keys are selected, so LiteDB walks the index without loading documents again.
                    var expression = BsonExpression.Create(index["expression"].AsString);
                    if (collection.Query().OrderBy(expression).Select(expression).ToEnumerable().LongCount() != documents)
                    {
                        return $"集合 {name} 的索引 {index["name"].AsString} 与数据不符";
                    }
                }
            }

            return null;
        }
        catch (Exception ex)
        {
            // Damaged pages surface as any exception LiteDB's readers happen to throw (a length read from a damaged
            // page can even ask for more memory than there is); all of them mean the same here.
            return ex is LiteException lite ? $"LiteDB：{lite.Message}" : $"读取时出错：{ex.GetType().Name}";
        }
    }
}
