using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Options;

namespace WeComHelpBot.Knowledge;

/// <summary>
/// The in-memory Lucene index of the knowledge base (BM25, SmartCn words plus character bigrams), built once
/// and searched concurrently, with the per-term document frequencies the confidence score needs.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    public const string IdField = "id";
    public const string TitleField = "title";
    public const string QuestionsField = "questions";
    public const string TagsField = "tags";
    public const string AnswerField = "answer";

    private readonly RAMDirectory directory;
    private readonly DirectoryReader reader;
    private readonly Dictionary<string, int> wordFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> gramFrequency = new(StringComparer.Ordinal);
    private readonly int documentCount;

    public KnowledgeIndex(KnowledgeBase knowledge, IOptions<RetrievalOptions> options)
    {
        Knowledge = knowledge;
        Options = options.Value;
        Analyzer = new KnowledgeAnalyzer(knowledge.Synonyms);
        var similarity = new BM25Similarity(Options.K1, Options.B);
        directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer) { Similarity = similarity }))
        {
            foreach (var entry in knowledge.Entries)
            {
                writer.AddDocument(ToDocument(entry));
            }

            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
        Searcher = new IndexSearcher(reader) { Similarity = similarity };
        var analysed = knowledge.Entries.Select(Analyse).ToList();
        foreach (var entry in analysed)
        {
            Count(wordFrequency, entry.KeyWords.Concat(entry.AnswerWords).Distinct());
            Count(gramFrequency, entry.KeyGrams.Concat(entry.AnswerGrams).Distinct());
        }

        // Weights need every entry's frequencies, so phrasings are weighed in a second pass.
        documentCount = analysed.Count;
        Profiles = analysed.Select(e => e with { Phrasings = e.Phrasings.Select(Weigh).ToList() }).ToList();
        CheckDocumentOrder();
    }

    public KnowledgeBase Knowledge { get; }

    public RetrievalOptions Options { get; }

    public KnowledgeAnalyzer Analyzer { get; }

    /// <summary>Thread-safe; shared by every query.</summary>
    public IndexSearcher Searcher { get; }

    /// <summary>Profiles by Lucene document number (documents are added in entry order into one segment).</summary>
    internal IReadOnlyList<EntryProfile> Profiles { get; }

    /// <summary>BM25 inverse document frequency of a word; a word the knowledge base never uses gets the highest value.</summary>
    public double WordWeight(string word) => Idf(wordFrequency.GetValueOrDefault(word));

    public double GramWeight(string gram) => Idf(gramFrequency.GetValueOrDefault(gram));

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
        Analyzer.Dispose();
    }

    private double Idf(int documentFrequency) =>
        Math.Log(1 + ((documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    private static Document ToDocument(KnowledgeEntry entry)
    {
        var document = new Document
        {
            new StringField(IdField, entry.Id, Field.Store.YES),
            new TextField(TitleField, entry.Title, Field.Store.NO),
            new TextField(AnswerField, entry.Answer, Field.Store.NO),
            new TextField(KnowledgeAnalyzer.GramsField, KeyText(entry), Field.Store.NO),
        };
        foreach (var question in entry.Questions)
        {
            document.Add(new TextField(QuestionsField, question, Field.Store.NO));
        }

        foreach (var tag in entry.Tags)
        {
            document.Add(new TextField(TagsField, tag, Field.Store.NO));
        }

        return document;
    }

    private static string KeyText(KnowledgeEntry entry) =>
        string.Join("\n", new[] { entry.Title }.Concat(entry.Questions).Concat(entry.Tags));

    private EntryProfile Analyse(KnowledgeEntry entry)
    {
        var keyText = KeyText(entry);
        var phrasings = new[] { entry.Title }.Concat(entry.Questions)
            .Select(text => new Phrasing(Set(TitleField, text), Set(KnowledgeAnalyzer.GramsField, text), 0, 0))
            .ToList();
        return new EntryProfile(
            entry,
            Set(TitleField, keyText),
            Set(AnswerField, entry.Answer),
            Set(KnowledgeAnalyzer.GramsField, keyText),
            Set(KnowledgeAnalyzer.GramsField, entry.Answer),
            phrasings);
    }

    private Phrasing Weigh(Phrasing phrasing) => phrasing with
    {
        WordWeight = phrasing.Words.Sum(WordWeight),
        GramWeight = phrasing.Grams.Sum(GramWeight),
    };

    private HashSet<string> Set(string field, string text) => Analyzer.Terms(field, text).ToHashSet(StringComparer.Ordinal);

    private void CheckDocumentOrder()
    {
        if (reader.MaxDoc != Profiles.Count)
        {
            throw new InvalidOperationException($"Index holds {reader.MaxDoc} documents for {Profiles.Count} entries");
        }

        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (reader.Document(doc).Get(IdField) != Profiles[doc].Entry.Id)
            {
                throw new InvalidOperationException($"Index document {doc} is not entry {Profiles[doc].Entry.Id}");
            }
        }
    }

    private static void Count(Dictionary<string, int> frequency, IEnumerable<string> terms)
    {
        foreach (var term in terms)
        {
            frequency[term] = frequency.GetValueOrDefault(term) + 1;
        }
    }
}
