using Microsoft.Extensions.Logging;

namespace WeComHelpBot.Storage;

/// <summary>
/// Keeps the data folder to its owner on Unix: the folder 0700, the files in it 0600. The database holds transcripts
/// and tickets and the key file decrypts contact phones; LiteDB creates its files with the process umask (usually
/// world-readable), so the folder's mode is what protects a file in the moment between its creation and its chmod.
/// A folder that holds files that are not ours (someone pointed the data folder at /tmp or their home) is not
/// changed, only reported: tightening it would lock other people or programs out of their own files.
/// </summary>
internal static class DataFolderPermissions
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupAndOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates <paramref name="folder"/> as 0700 when missing.</summary>
    public static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        if (!Directory.Exists(folder))
        {
            // Parents made on the way get the default mode; only the data folder itself is ours.
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(folder)) ?? folder);
            Directory.CreateDirectory(folder, FolderMode);
        }
    }

    /// <summary>
    /// Tightens the folder of <paramref name="databaseFile"/> and our files in it, with one log line for each change to
    /// what was there before (<paramref name="created"/>: the database was just made, its files are new, not loose).
    /// </summary>
    public static void Tighten(string databaseFile, bool created, ILogger logger)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            TightenNow(databaseFile, created, logger);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not restrict the data folder's permissions: {ExceptionType}", ex.GetType().Name);
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void TightenNow(string databaseFile, bool created, ILogger logger)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databaseFile))!;
        var ours = Directory.EnumerateFileSystemEntries(folder).Where(path => IsOurs(databaseFile, path)).ToList();
        var others = Directory.EnumerateFileSystemEntries(folder).Count() - ours.Count;
        var folderMode = File.GetUnixFileMode(folder);
        if ((folderMode & GroupAndOther) != 0)
        {
            if (others == 0 && (folderMode & UnixFileMode.StickyBit) == 0)
            {
                File.SetUnixFileMode(folder, FolderMode);
                logger.LogWarning("Data folder was readable by other users; its mode is now 0700");
            }
            else
            {
                logger.LogWarning("Data folder is readable by other users and holds {Count} entries that are not the bot's; its mode was left as it is", others);
            }
        }

        foreach (var file in ours.Where(File.Exists))
        {
            if ((File.GetUnixFileMode(file) & GroupAndOther) != 0)
            {
                File.SetUnixFileMode(file, FileMode);
                if (!created)
                {
                    logger.LogWarning("Data file {FileName} was readable by other users; its mode is now 0600", Path.GetFileName(file));
                }
            }
        }
    }

    /// <summary>The database, its log, its lock and backups, and the contact key: what this program keeps in the folder.</summary>
    private static bool IsOurs(string databaseFile, string path)
    {
        var name = Path.GetFileName(path);
        var stem = Path.GetFileNameWithoutExtension(databaseFile);
        return name.StartsWith(stem, StringComparison.Ordinal) || name == "ticket-contact.key";
    }
}
