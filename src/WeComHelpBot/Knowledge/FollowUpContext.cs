namespace WeComHelpBot.Knowledge;

/// <summary>The turn before a message: what the user asked and the entry the bot answered with (either may be missing).</summary>
public sealed record FollowUpContext(string? Question, string? EntryId)
{
    /// <summary>
    /// The context the next message is read in after <paramref name="question"/> got <paramref name="answer"/>: none
    /// unless the bot answered with an entry (a clarification or an out-of-scope reply leaves nothing to follow up on).
    /// </summary>
    public static FollowUpContext? After(string question, KnowledgeAnswer answer) =>
        answer.Kind == AnswerKind.Answer && answer.EntryId is not null ? new FollowUpContext(question, answer.EntryId) : null;
}
