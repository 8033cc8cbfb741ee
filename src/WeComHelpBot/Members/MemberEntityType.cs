namespace WeComHelpBot.Members;

/// <summary>The kind of organisation registering, which sets its initial member limit.</summary>
public enum MemberEntityType
{
    /// <summary>企业: initially at most 200 members.</summary>
    Enterprise,

    /// <summary>个体工商户: initially at most 50 members.</summary>
    SoleProprietor,

    /// <summary>政府/事业单位: opened according to the 编制 (staffing quota).</summary>
    GovernmentOrInstitution,
}
