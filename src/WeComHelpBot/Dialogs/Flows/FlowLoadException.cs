namespace WeComHelpBot.Dialogs.Flows;

/// <summary>The flows in dialogs/ have mistakes; the bot must not start. The message lists every "file:line: problem".</summary>
public sealed class FlowLoadException : Exception
{
    public FlowLoadException(IReadOnlyList<FlowLoadError> errors)
        : base("dialogs/ 中的流程有错误，机器人无法启动：\n" + string.Join("\n", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<FlowLoadError> Errors { get; }
}
