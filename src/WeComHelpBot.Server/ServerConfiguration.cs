using WeComHelpBot.Bot;

namespace WeComHelpBot.Server;

/// <summary>
/// Reads the bot's folders from configuration: Storage:Directory, Knowledge:Directory and Dialogs:Directory (each
/// optional). A relative Storage:Directory means the repository's folder when the server runs from a checkout, so
/// `dotnet run` from the root or the project folder both use data/wecomhelpbot.db at the root.
/// </summary>
public static class ServerConfiguration
{
    public static BotPaths ReadBotPaths(IConfiguration configuration)
    {
        var paths = new BotPaths();
        if (configuration["Storage:Directory"] is { Length: > 0 } data)
        {
            paths.DataDirectory = Path.IsPathRooted(data) ? data : Path.Combine(RepositoryRoot() ?? Directory.GetCurrentDirectory(), data);
        }

        if (configuration["Knowledge:Directory"] is { Length: > 0 } knowledge)
        {
            paths.KnowledgeDirectory = knowledge;
        }

        if (configuration["Dialogs:Directory"] is { Length: > 0 } dialogs)
        {
            paths.DialogsDirectory = dialogs;
        }

        return paths;
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WeComHelpBot.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
