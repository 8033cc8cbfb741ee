namespace WeComHelpBot.Knowledge;

/// <summary>How a message relates to the choices on offer: <see cref="Index"/> is 0-based, -1 when none was picked.</summary>
public readonly record struct ChoicePick(int Index, bool OutOfRange)
{
    public static ChoicePick None => new(-1, false);

    public bool Picked => Index >= 0;
}
