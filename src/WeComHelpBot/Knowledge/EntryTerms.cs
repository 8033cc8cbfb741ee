using WeComHelpBot.Recognition;

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
    List<string> AnswerGrams,
    EntryTerms.EnglishTerms? English = null)
{
    /// <summary>Bigrams of the title, the questions and the tags, in that order (the text of the grams field).</summary>
    public List<string> KeyGrams => [.. Title.Grams, .. Questions.SelectMany(q => q.Grams), .. Tags.SelectMany(t => t.Grams)];

    public static EntryTerms Analyse(KnowledgeEntry entry, KnowledgeAnalyzer analyzer)
    {
        // The same traditional→simplified step as the questions get, so a character the table folds is folded on both sides.
        Piece Of(string text)
        {
            text = TextNormalizer.ToSimplified(text);
            return new(analyzer.Terms(KnowledgeIndex.TitleField, text), analyzer.Terms(KnowledgeAnalyzer.GramsField, text));
        }

        return new EntryTerms(
            Of(entry.Title),
            entry.Questions.Select(Of).ToList(),
            entry.Tags.Select(Of).ToList(),
            analyzer.Terms(KnowledgeIndex.AnswerField, TextNormalizer.ToSimplified(entry.Answer)),
            analyzer.Terms(KnowledgeAnalyzer.GramsField, TextNormalizer.ToSimplified(entry.Answer)),
            entry.English is { } en
                ? new EnglishTerms(analyzer.Terms(KnowledgeIndex.EnglishTitleField, en.Title), en.Questions.Select(q => analyzer.Terms(KnowledgeIndex.EnglishQuestionsField, q)).ToList(), analyzer.Terms(KnowledgeIndex.EnglishAnswerField, en.Answer))
                : null);
    }

    /// <summary>
    /// The profile the retriever scores confidence with, each term turned into its vocabulary number by
    /// <paramref name="termId"/>; phrasing weights are filled in once every entry is known.
    /// </summary>
    public EntryProfile ToProfile(KnowledgeEntry entry, Func<string, int> termId)
    {
        HashSet<int> Ids(IEnumerable<string> terms) => terms.Select(termId).ToHashSet();
        var keyPieces = new[] { Title }.Concat(Questions).Concat(Tags).ToList();
        return new EntryProfile(
            entry,
            Ids(keyPieces.SelectMany(p => p.Words)),
            Ids(AnswerWords),
            Ids(keyPieces.SelectMany(p => p.Grams)),
            Ids(AnswerGrams),
            new[] { Title }.Concat(Questions).Select(p => new Phrasing(Ids(p.Words), Ids(p.Grams), 0, 0)).ToList(),
            Ids(Title.Words.Concat(Tags.SelectMany(t => t.Words))),
            English is null
                ? null
                : new EnglishProfile(
                    Ids(English.Title.Concat(English.Questions.SelectMany(q => q))),
                    Ids(English.Answer),
                    new[] { English.Title }.Concat(English.Questions).Select(q => new Phrasing(Ids(q), [], 0, 0)).ToList()));
    }

    /// <summary>The stemmed words of the en: block's title, each question and the answer.</summary>
    internal sealed record EnglishTerms(List<string> Title, IReadOnlyList<List<string>> Questions, List<string> Answer);

    /// <summary>One analysed text: its words and its character bigrams, in order.</summary>
    internal sealed record Piece(List<string> Words, List<string> Grams);
}
