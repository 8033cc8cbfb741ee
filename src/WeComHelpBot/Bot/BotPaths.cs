namespace WeComHelpBot.Bot;

/// <summary>Where the bot finds its content and keeps its data. Every host binds these from its own settings.</summary>
public sealed class BotPaths
{
    public const string KnowledgeSetting = "Knowledge:Directory";
    public const string DialogsSetting = "Dialogs:Directory";
    public const string StorageSetting = "Storage:Directory";

    /// <summary>Folder of the knowledge base YAML files (default: knowledge/ of <see cref="ContentLocator.Root"/>).</summary>
    public string KnowledgeDirectory { get; set; } = ContentLocator.Find("knowledge");

    /// <summary>Folder of the flow YAML files (default: dialogs/ of <see cref="ContentLocator.Root"/>).</summary>
    public string DialogsDirectory { get; set; } = ContentLocator.Find("dialogs");

    /// <summary>Folder of the LiteDB file wecomhelpbot.db (default: data/ of <see cref="ContentLocator.Root"/>).</summary>
    public string DataDirectory { get; set; } = ContentLocator.Find("data");

    public string DatabaseFile => Path.Combine(DataDirectory, "wecomhelpbot.db");

    /// <summary>
    /// The paths from settings (<c>Knowledge:Directory</c>, <c>Dialogs:Directory</c>, <c>Storage:Directory</c>), each
    /// optional; relative ones resolve against <see cref="ContentLocator.Root"/>, as CONTRACTS.md says for both hosts.
    /// </summary>
    public static BotPaths FromSettings(Func<string, string?> setting)
    {
        var paths = new BotPaths();
        if (setting(KnowledgeSetting) is { Length: > 0 } knowledge)
        {
            paths.KnowledgeDirectory = ContentLocator.Find(knowledge);
        }

        if (setting(DialogsSetting) is { Length: > 0 } dialogs)
        {
            paths.DialogsDirectory = ContentLocator.Find(dialogs);
        }

        if (setting(StorageSetting) is { Length: > 0 } data)
        {
            paths.DataDirectory = ContentLocator.Find(data);
        }

        return paths;
    }
}
