using WeComHelpBot.Dialogs.Prompts;

namespace WeComHelpBot.Dialogs;

/// <summary>
/// What a dialog is begun with. Bot Builder passes <c>object</c>; ours is typed: a prompt needs
/// <see cref="Prompt"/>, a waterfall or flow takes <see cref="Values"/> as initial values.
/// </summary>
public sealed record DialogOptions
{
    public PromptOptions? Prompt { get; init; }

    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <summary>The sentence that started a flow: its steps take the facts it already states instead of asking.</summary>
    public string? Utterance { get; init; }

    public static DialogOptions ForPrompt(PromptOptions prompt) => new() { Prompt = prompt };
}
