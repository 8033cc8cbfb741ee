using System.Text;

namespace WeComHelpBot.Storage;

/// <summary>
/// Looks at a database file before LiteDB opens it: LiteDB "repairs" a file it cannot read by truncating it,
/// and we would rather refuse than lose what is in it.
/// </summary>
internal static class LiteDbFileCheck
{
    private const int PageSize = 8192;
    private const int HeaderInfoOffset = 32;
    private static readonly byte[] HeaderInfo = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>Throws <see cref="StorageUnavailableException"/> for a file that is not a LiteDB v5 database; backs up a file with a torn last page.</summary>
    public static void Verify(string fullPath)
    {
        FileInfo file = new(fullPath);
        if (!file.Exists || file.Length == 0)
        {
            return;
        }

        var header = new byte[HeaderInfoOffset + HeaderInfo.Length + 1];
        int read;
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException(fullPath, LiteDatabaseProvider.Describe(ex), ex);
        }

        if (read < header.Length || !header.AsSpan(HeaderInfoOffset, HeaderInfo.Length).SequenceEqual(HeaderInfo))
        {
            throw new StorageUnavailableException(fullPath, "文件不是有效的数据库，或开头已损坏；请换一个 --data 目录，或从备份恢复该文件");
        }

        if (file.Length % PageSize != 0)
        {
            // A write cut short (power loss) leaves a partial page that LiteDB will cut off: keep a copy first.
            var backup = $"{fullPath}.{DateTime.UtcNow:yyyyMMddHHmmss}.bak";
            try
            {
                File.Copy(fullPath, backup, overwrite: false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new StorageUnavailableException(fullPath, $"文件末尾不完整，且无法先做备份（{ex.Message}）", ex);
            }
        }
    }
}
