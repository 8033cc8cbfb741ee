namespace WeComHelpBot.Analytics.Gaps;

/// <summary>Whether a knowledge change was kept and is live; otherwise <see cref="Problems"/> say why it was refused (nothing was changed).</summary>
public sealed record GapEditResult(bool Saved, string? EntryId, string? File, IReadOnlyList<string> Problems)
{
    public static GapEditResult Refused(params string[] problems) => new(false, null, null, problems);
}
