namespace WeComHelpBot.Members;

/// <summary>The result of checking a member import file. <see cref="Notes"/> are hints that are not problems.</summary>
public sealed record MemberCheckReport(
    string FileName,
    int HeaderRow,
    int MemberCount,
    MemberEntityType? Entity,
    IReadOnlyList<MemberFileProblem> Problems,
    IReadOnlyList<string> Notes)
{
    public bool IsClean => Problems.Count == 0;

    /// <summary>Set when the file had more data rows than this and only this many were read (<see cref="MemberFileOptions.MaxDataRows"/>).</summary>
    public int? TruncatedAtRows { get; init; }
}
