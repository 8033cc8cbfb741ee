namespace WeComHelpBot.Members;

public enum MemberProblemKind
{
    MissingColumn,
    NoMembers,
    EmptyName,
    MissingPhone,
    InvalidPhone,
    DuplicatePhone,
    EmptyDepartment,
    BatchTooLarge,
    OverMemberLimit,
}
