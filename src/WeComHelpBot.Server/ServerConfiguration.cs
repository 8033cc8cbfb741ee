using WeComHelpBot.Bot;

namespace WeComHelpBot.Server;

/// <summary>
/// Reads the bot's folders from configuration: Storage:Directory, Knowledge:Directory and Dialogs:Directory (each
/// optional). Relative paths resolve against the repository root in a checkout and against the server's own folder
/// when published (<see cref="ContentLocator"/>), never against the working directory.
/// </summary>
public static class ServerConfiguration
{
    public static BotPaths ReadBotPaths(IConfiguration configuration) => BotPaths.FromSettings(key => configuration[key]);
}
