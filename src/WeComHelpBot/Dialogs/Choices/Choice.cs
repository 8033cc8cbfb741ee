namespace WeComHelpBot.Dialogs.Choices;

/// <summary>One option offered to the user. <see cref="Synonyms"/> are other words that pick it.</summary>
public sealed record Choice(string Value, IReadOnlyList<string>? Synonyms = null)
{
    public IReadOnlyList<string> Synonyms { get; init; } = Synonyms ?? [];
}
