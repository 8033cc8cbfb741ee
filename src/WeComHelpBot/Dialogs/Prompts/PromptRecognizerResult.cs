namespace WeComHelpBot.Dialogs.Prompts;

public sealed record PromptRecognizerResult<T>(bool Succeeded, T? Value = default)
{
    public static PromptRecognizerResult<T> Failed { get; } = new(false);
}
