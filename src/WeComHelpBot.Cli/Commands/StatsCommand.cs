using System.CommandLine;

namespace WeComHelpBot.Cli.Commands;

/// <summary>`wecomhelp stats`.</summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var command = new Command("stats", "尚未实现");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("stats: not implemented yet");
            return 2;
        });
        return command;
    }
}
