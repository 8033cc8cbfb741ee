using System.CommandLine;

namespace WeComHelpBot.Cli.Commands;

/// <summary>`wecomhelp ask`.</summary>
public static class AskCommand
{
    public static Command Create()
    {
        var command = new Command("ask", "尚未实现");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("ask: not implemented yet");
            return 2;
        });
        return command;
    }
}
