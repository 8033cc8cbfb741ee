using WeComHelpBot.Dialogs.Prompts;

namespace WeComHelpBot.Dialogs;

/// <summary>
/// One entry of the dialog stack, as stored in conversation state. Typed fields rather than a bag of objects so
/// that any JSON-based IStorage round-trips it: a waterfall or flow keeps its options, values and step; a prompt
/// keeps its options and attempt count.
/// </summary>
public sealed class DialogInstance
{
    public string Id { get; set; } = string.Empty;

    /// <summary>The arguments the dialog was begun with.</summary>
    public Dictionary<string, string> Options { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Values shared by a waterfall's steps (a flow's variables). Text only, so storage never loses a type.</summary>
    public Dictionary<string, string> Values { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Waterfall: index of the step that ran last.</summary>
    public int StepIndex { get; set; }

    /// <summary>Flow: id of the step that ran last.</summary>
    public string? StepId { get; set; }

    /// <summary>Prompt: what to ask, how to retry, which choices.</summary>
    public PromptOptions? Prompt { get; set; }

    /// <summary>Prompt: replies received so far.</summary>
    public int AttemptCount { get; set; }

    /// <summary>Flow: the answers given so far, oldest first, so 上一步 and corrections can undo them.</summary>
    public List<StepAnswer> History { get; set; } = new();

    /// <summary>Flow: answers given after a step that was changed; reached again, they are taken without asking.</summary>
    public List<StepAnswer> Replay { get; set; } = new();
}
