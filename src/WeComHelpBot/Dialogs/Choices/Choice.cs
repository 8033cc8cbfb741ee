namespace WeComHelpBot.Dialogs.Choices;

/// <summary>
/// One option offered to the user. <see cref="Synonyms"/> are other words that pick it; <see cref="Description"/> says
/// what it means in a sentence (for answers that describe rather than name it, and for 帮助).
/// </summary>
public sealed record Choice(string Value, IReadOnlyList<string>? Synonyms = null, string? Description = null)
{
    // Always a List<string>: storages that record .NET type names (MemoryStorage uses TypeNameHandling.All)
    // cannot recreate the compiler's private collection types that a collection expression may produce.
    public IReadOnlyList<string> Synonyms { get; init => field = value?.ToList() ?? new List<string>(); } = Synonyms?.ToList() ?? new List<string>();
}
