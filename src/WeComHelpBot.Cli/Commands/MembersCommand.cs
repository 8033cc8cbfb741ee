using System.CommandLine;

namespace WeComHelpBot.Cli.Commands;

/// <summary>`wecomhelp members`.</summary>
public static class MembersCommand
{
    public static Command Create()
    {
        var command = new Command("members", "尚未实现");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("members: not implemented yet");
            return 2;
        });
        return command;
    }
}
