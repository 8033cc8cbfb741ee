namespace WeComHelpBot.Knowledge;

/// <summary>
/// The entries the bot just offered (follow-ups after an answer, or "您是想问…" candidates), kept in conversation
/// state so the next message can pick one by number or title.
/// </summary>
public sealed class PendingChoices
{
    public List<string> EntryIds { get; set; } = [];
}
