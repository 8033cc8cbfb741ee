using System.CommandLine;

namespace WeComHelpBot.Cli.Commands;

/// <summary>`wecomhelp tickets`.</summary>
public static class TicketsCommand
{
    public static Command Create()
    {
        var command = new Command("tickets", "尚未实现");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("tickets: not implemented yet");
            return 2;
        });
        return command;
    }
}
