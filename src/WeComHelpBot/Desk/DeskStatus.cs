namespace WeComHelpBot.Desk;

/// <summary>Where a ticket is in the desk's work: 新建, 处理中, 已解决, 已关闭.</summary>
public enum DeskStatus
{
    New,
    InProgress,
    Resolved,
    Closed,
}
