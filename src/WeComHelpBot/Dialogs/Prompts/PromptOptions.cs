using WeComHelpBot.Dialogs.Choices;

namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>What a prompt asks and how it behaves when the answer does not fit. Kept in conversation state.</summary>
public sealed record PromptOptions
{
    public string Prompt { get; init; } = string.Empty;

    /// <summary>Sent after an answer that does not fit; when null the prompt says what it expected and asks again.</summary>
    public string? RetryPrompt { get; init; }

    /// <summary>Explains the step when the user asks for 帮助.</summary>
    public string? Help { get; init; }

    public List<Choice> Choices { get; init; } = [];

    /// <summary>Replies accepted before giving up; 0 means no limit (Bot Builder's classic behaviour).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Taken as the answer when the attempts run out; when null the flow ends politely instead.</summary>
    public string? DefaultValue { get; init; }
}
