namespace WeComHelpBot.Desk;

/// <summary>What a console account may do: agents see and answer tickets; leads also see the dashboard, edit knowledge and manage accounts.</summary>
public enum DeskRole
{
    Agent,
    Lead,
}
