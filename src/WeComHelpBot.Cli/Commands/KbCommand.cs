using System.CommandLine;

namespace WeComHelpBot.Cli.Commands;

/// <summary>`wecomhelp kb`.</summary>
public static class KbCommand
{
    public static Command Create()
    {
        var command = new Command("kb", "尚未实现");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("kb: not implemented yet");
            return 2;
        });
        return command;
    }
}
