namespace WeComHelpBot.Members;

/// <summary>The non-empty rows read from a member file; <see cref="IsCutOff"/> when reading stopped at a limit before the end.</summary>
internal sealed record MemberSheet(IReadOnlyList<MemberSheetRow> Rows, bool IsCutOff);
