using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Analytics.Gaps;

/// <summary>Whether an accepted question was kept; <see cref="Problems"/> (file:line) say why it was rolled back.</summary>
public sealed record GapAcceptResult(bool Accepted, KnowledgeLoadResult Reloaded, IReadOnlyList<string> Problems);
