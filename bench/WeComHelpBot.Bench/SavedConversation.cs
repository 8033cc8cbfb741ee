namespace WeComHelpBot.Bench;

/// <summary>
/// What a conversation's saved state says: turns counted (<c>turnCount</c>), and how many dialogs its stack holds (a
/// guided flow under way shows as one or more). A conversation with no saved state is 0 and 0.
/// </summary>
public sealed record SavedConversation(int TurnCount, int DialogDepth)
{
    public static readonly SavedConversation None = new(0, 0);
}
