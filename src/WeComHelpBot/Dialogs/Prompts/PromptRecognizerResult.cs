namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>
/// What a prompt read from a reply. <see cref="Clarification"/> is set when the reply is an answer the prompt cannot
/// settle alone ("看情况", a description that fits two options): the prompt asks that short question instead of a
/// retry, and it does not count as a failed attempt.
/// </summary>
public sealed record PromptRecognizerResult<T>(bool Succeeded, T? Value = default, string? Clarification = null)
{
    public static PromptRecognizerResult<T> Failed { get; } = new(false);

    public static PromptRecognizerResult<T> Ask(string clarification) => new(false, default, clarification);
}
