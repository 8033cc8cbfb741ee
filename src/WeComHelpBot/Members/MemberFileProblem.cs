namespace WeComHelpBot.Members;

/// <summary>One problem in a member file. <see cref="Rows"/> are spreadsheet row numbers (the header row counts), ascending.</summary>
public sealed record MemberFileProblem(MemberProblemKind Kind, IReadOnlyList<int> Rows, string Message, string Fix);
