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

    /// <summary>
    /// False when <see cref="Utterance"/> was said before this flow was called and an earlier flow already took its
    /// options and dates: the flow then takes only names and checked codes from it.
    /// </summary>
    public bool UtteranceIsOpening { get; init; } = true;

    /// <summary>Codes of the opening sentence that a named validator accepted (validator name → its note): only the verdict travels.</summary>
    public IReadOnlyDictionary<string, string> CheckedCodes { get; init; } = new Dictionary<string, string>();

    public static DialogOptions ForPrompt(PromptOptions prompt) => new() { Prompt = prompt };
}
