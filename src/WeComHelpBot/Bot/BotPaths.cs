namespace WeComHelpBot.Bot;

/// <summary>Where the bot finds its content and keeps its data. Every host binds these from its own options.</summary>
public sealed class BotPaths
{
    /// <summary>Folder of the knowledge base YAML files (default: knowledge/ found upward from the working directory).</summary>
    public string KnowledgeDirectory { get; set; } = ContentLocator.Find("knowledge");

    /// <summary>Folder of the flow YAML files (default: dialogs/ found upward from the working directory).</summary>
    public string DialogsDirectory { get; set; } = ContentLocator.Find("dialogs");

    /// <summary>Folder of the LiteDB file wecomhelpbot.db.</summary>
    public string DataDirectory { get; set; } = "data";

    public string DatabaseFile => Path.Combine(DataDirectory, "wecomhelpbot.db");
}
