using System.CommandLine;

namespace WeComHelpBot.Cli.Commands;

/// <summary>`wecomhelp chat`.</summary>
public static class ChatCommand
{
    public static Command Create()
    {
        var command = new Command("chat", "尚未实现");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("chat: not implemented yet");
            return 2;
        });
        return command;
    }
}
