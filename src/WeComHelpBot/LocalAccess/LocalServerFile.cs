using System.Text.Json;

namespace WeComHelpBot.LocalAccess;

/// <summary>
/// server.json in the data folder: written by a server that holds the database file, read by `wecomhelp` to reach it.
/// It carries a secret, so only the owner may read it (mode 0600, set when the file is created, never widened).
/// </summary>
public static class LocalServerFile
{
    public const string FileName = "server.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>Writes the file atomically (a temporary file of mode 0600 renamed over it), so a reader never sees half of it.</summary>
    public static void Write(string dataDirectory, LocalServerInfo info)
    {
        Directory.CreateDirectory(dataDirectory);
        var target = PathIn(dataDirectory);
        var temporary = $"{target}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, info, JsonOptions);
        }

        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>The server's announcement in <paramref name="dataDirectory"/>, or null when there is none or it cannot be read.</summary>
    public static LocalServerInfo? TryRead(string dataDirectory)
    {
        try
        {
            var info = JsonSerializer.Deserialize<LocalServerInfo>(File.ReadAllText(PathIn(dataDirectory)), JsonOptions);
            return info is { Url.Length: > 0, Token.Length: > 0 } ? info : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Deletes the file if it is still this server's (a newer server may have replaced it).</summary>
    public static void DeleteIfOwn(string dataDirectory, string token)
    {
        if (TryRead(dataDirectory) is { } info && LocalAccessToken.Matches(info.Token, token))
        {
            try
            {
                File.Delete(PathIn(dataDirectory));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A stale file is harmless: the CLI finds no server behind it and opens the database itself.
            }
        }
    }
}
