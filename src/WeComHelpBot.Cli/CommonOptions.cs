using System.CommandLine;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Storage;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Cli;

/// <summary>Options every command takes: --data, --knowledge, --dialogs (recursive, so they go before or after the command).</summary>
public static class CommonOptions
{
    public static readonly Option<string?> Data = new("--data") { Description = "存放 LiteDB 数据文件的目录（默认为程序目录或源码根目录下的 data/，也可用环境变量 Storage__Directory）", Recursive = true };
    public static readonly Option<string?> Knowledge = new("--knowledge") { Description = "知识库目录（默认 knowledge/，也可用环境变量 Knowledge__Directory）", Recursive = true };
    public static readonly Option<string?> Dialogs = new("--dialogs") { Description = "流程目录（默认 dialogs/，也可用环境变量 Dialogs__Directory）", Recursive = true };

    public static IEnumerable<Option> All => [Data, Knowledge, Dialogs];

    /// <summary>
    /// The server's settings from the environment (<c>Storage__Directory</c>, <c>Knowledge__Directory</c>,
    /// <c>Dialogs__Directory</c>), so a command finds the server's database and content; an option given on the
    /// command line wins and, like any path typed in a shell, is relative to the working directory.
    /// </summary>
    public static BotPaths ToPaths(ParseResult parse)
    {
        var paths = BotPaths.FromSettings(key => Environment.GetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal)));
        if (parse.GetValue(Data) is { } data) paths.DataDirectory = Path.GetFullPath(data);
        if (parse.GetValue(Knowledge) is { } knowledge) paths.KnowledgeDirectory = Path.GetFullPath(knowledge);
        if (parse.GetValue(Dialogs) is { } dialogs) paths.DialogsDirectory = Path.GetFullPath(dialogs);
        return paths;
    }

    /// <summary>
    /// <c>Storage__Connection</c> from the environment, as the server reads it: a server an administrator runs in Shared
    /// mode needs commands that open the file Shared too. Unset, the default (Direct) applies. <c>Storage__Provider</c>
    /// and <c>Storage__ConnectionString</c> likewise, so that with PostgreSQL the commands read the shared database, and
    /// <c>Tickets__ContactKey</c> / <c>Tickets__ContactKeyFile</c>, so that they decrypt its tickets.
    /// </summary>
    public static void ConfigureStorage(IServiceCollection services, Func<string, string?>? variable = null)
    {
        variable ??= Environment.GetEnvironmentVariable;
        if (variable("Storage__Connection") is { Length: > 0 } text
            && Enum.TryParse<ConnectionType>(text.Trim(), ignoreCase: true, out var connection))
        {
            services.Configure<StorageOptions>(options => options.Connection = connection);
        }

        // An unknown provider stops the command (StorageSettingsException, one line, exit 2): falling back to LiteDB
        // would show an empty database where the administrator expects the shared one.
        if (variable("Storage__Provider") is { Length: > 0 } providerText)
        {
            var provider = StorageProviderConverter.Parse(providerText);
            services.Configure<StorageOptions>(options => options.Provider = provider);
        }

        if (variable("Storage__ConnectionString") is { Length: > 0 } connectionString)
        {
            services.Configure<StorageOptions>(options => options.ConnectionString = connectionString);
        }

        // The key tickets' contact phones are encrypted with, when the servers take it from configuration: the
        // commands must read the same tickets.
        if (variable("Tickets__ContactKey") is { Length: > 0 } contactKey)
        {
            services.Configure<TicketOptions>(options => options.ContactKey = contactKey);
        }

        if (variable("Tickets__ContactKeyFile") is { Length: > 0 } contactKeyFile)
        {
            services.Configure<TicketOptions>(options => options.ContactKeyFile = contactKeyFile);
        }
    }
}
