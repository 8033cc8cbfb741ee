namespace WeComHelpBot.Knowledge;

/// <summary>
/// What another part of the bot adds under a knowledge reply: lines of text (e.g. "有帮助吗？…") and buttons for
/// channels that show them. The lines say how to answer, so the buttons are not numbered.
/// </summary>
public sealed record KnowledgeReplyExtras(IReadOnlyList<string> Lines, IReadOnlyList<string> Buttons)
{
    public static KnowledgeReplyExtras None { get; } = new([], []);

    public bool IsEmpty => Lines.Count == 0 && Buttons.Count == 0;

    public KnowledgeReplyExtras Add(KnowledgeReplyExtras other) => new([.. Lines, .. other.Lines], [.. Buttons, .. other.Buttons]);
}
