namespace WeComHelpBot.Knowledge;

/// <summary>
/// The analysed terms of each text of one entry (title, questions, tags: SmartCn words and character bigrams;
/// answer). Analysing the pieces separately gives the same terms as analysing them joined by line breaks, because
/// SmartCn segments sentence by sentence and bigrams never span a line break.
/// </summary>
internal sealed record EntryTerms(
    EntryTerms.Piece Title,
    IReadOnlyList<EntryTerms.Piece> Questions,
    IReadOnlyList<EntryTerms.Piece> Tags,
    List<string> AnswerWords,
    List<string> AnswerGrams)
{
    /// <summary>Bigrams of the title, the questions and the tags, in that order (the text of the grams field).</summary>
    public List<string> KeyGrams => [.. Title.Grams, .. Questions.SelectMany(q => q.Grams), .. Tags.SelectMany(t => t.Grams)];

    public static EntryTerms Analyse(KnowledgeEntry entry, KnowledgeAnalyzer analyzer)
    {
        Piece Of(string text) => new(analyzer.Terms(KnowledgeIndex.TitleField, text), analyzer.Terms(KnowledgeAnalyzer.GramsField, text));
        return new EntryTerms(
            Of(entry.Title),
            entry.Questions.Select(Of).ToList(),
            entry.Tags.Select(Of).ToList(),
            analyzer.Terms(KnowledgeIndex.AnswerField, entry.Answer),
            analyzer.Terms(KnowledgeAnalyzer.GramsField, entry.Answer));
    }

    /// <summary>The profile the retriever scores confidence with; phrasing weights are filled in once every entry is known.</summary>
    public EntryProfile ToProfile(KnowledgeEntry entry)
    {
        var keyPieces = new[] { Title }.Concat(Questions).Concat(Tags).ToList();
        return new EntryProfile(
            entry,
            keyPieces.SelectMany(p => p.Words).ToHashSet(StringComparer.Ordinal),
            AnswerWords.ToHashSet(StringComparer.Ordinal),
            keyPieces.SelectMany(p => p.Grams).ToHashSet(StringComparer.Ordinal),
            AnswerGrams.ToHashSet(StringComparer.Ordinal),
            new[] { Title }.Concat(Questions)
                .Select(p => new Phrasing(p.Words.ToHashSet(StringComparer.Ordinal), p.Grams.ToHashSet(StringComparer.Ordinal), 0, 0))
                .ToList());
    }

    /// <summary>One analysed text: its words and its character bigrams, in order.</summary>
    internal sealed record Piece(List<string> Words, List<string> Grams);
}
