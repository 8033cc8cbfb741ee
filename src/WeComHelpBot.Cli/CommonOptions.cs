using System.CommandLine;
using WeComHelpBot.Bot;

namespace WeComHelpBot.Cli;

/// <summary>Options every command takes: --data, --knowledge, --dialogs (recursive, so they go before or after the command).</summary>
public static class CommonOptions
{
    public static readonly Option<string?> Data = new("--data") { Description = "存放 LiteDB 数据文件的目录（默认 data/）", Recursive = true };
    public static readonly Option<string?> Knowledge = new("--knowledge") { Description = "知识库目录（默认 knowledge/）", Recursive = true };
    public static readonly Option<string?> Dialogs = new("--dialogs") { Description = "流程目录（默认 dialogs/）", Recursive = true };

    public static IEnumerable<Option> All => [Data, Knowledge, Dialogs];

    public static BotPaths ToPaths(ParseResult parse)
    {
        var paths = new BotPaths();
        if (parse.GetValue(Data) is { } data) paths.DataDirectory = data;
        if (parse.GetValue(Knowledge) is { } knowledge) paths.KnowledgeDirectory = knowledge;
        if (parse.GetValue(Dialogs) is { } dialogs) paths.DialogsDirectory = dialogs;
        return paths;
    }
}
