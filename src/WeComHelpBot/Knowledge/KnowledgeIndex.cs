using System.Collections.Concurrent;
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
    public const string EnglishTitleField = KnowledgeAnalyzer.EnglishFieldPrefix + "title";
    public const string EnglishQuestionsField = KnowledgeAnalyzer.EnglishFieldPrefix + "questions";
    public const string EnglishAnswerField = KnowledgeAnalyzer.EnglishFieldPrefix + "answer";

    private const int AnalysisChunk = 256;

    private readonly RAMDirectory directory;
    private readonly DirectoryReader reader;
    private readonly Dictionary<string, int> vocabulary = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> wordFrequency = [];
    private readonly Dictionary<int, int> gramFrequency = [];
    private readonly int documentCount;
    private readonly HashSet<int> keyWordIds;
    private readonly HashSet<int> namingWordIds;
    private readonly Dictionary<string, EntryProfile> profilesById;

    // Term lookups of the index's own vocabulary, done once: a query then skips the term dictionary seek per clause.
    private readonly ConcurrentDictionary<(string Field, string Term), TermContext?> termContexts = new();

    public KnowledgeIndex(KnowledgeBase knowledge, IOptions<RetrievalOptions> options)
    {
        Knowledge = knowledge;
        Options = options.Value;
        Analyzer = new KnowledgeAnalyzer(knowledge.Synonyms);
        var similarity = new BM25Similarity(Options.K1, Options.B);
        directory = new RAMDirectory();

        // Each text of an entry is analysed once: the same terms go into the Lucene document and the entry's profile.
        var analysed = new List<EntryProfile>(knowledge.Entries.Count);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer)
        {
            Similarity = similarity,
            RAMBufferSizeMB = 256, // one segment for any realistic knowledge base: faster search, document order kept
            MergePolicy = new LogByteSizeMergePolicy(), // merges only adjacent segments, so document numbers stay in entry order
        };
        using (var writer = new IndexWriter(directory, config))
        {
            // SmartCn is most of the build and the analyzer is thread-safe: analyse a chunk in parallel, index it in order.
            foreach (var chunk in knowledge.Entries.Chunk(AnalysisChunk))
            {
                var terms = chunk.AsParallel().AsOrdered().Select(entry => EntryTerms.Analyse(entry, Analyzer)).ToArray();
                for (var i = 0; i < chunk.Length; i++)
                {
                    writer.AddDocument(ToDocument(chunk[i], terms[i]));
                    analysed.Add(terms[i].ToProfile(chunk[i], Intern));
                }
            }

            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
        Searcher = new IndexSearcher(reader) { Similarity = similarity };
        foreach (var entry in analysed)
        {
            Count(wordFrequency, entry.KeyWords.Concat(entry.AnswerWords).Concat(entry.English?.KeyWords ?? []).Concat(entry.English?.AnswerWords ?? []).Distinct());
            Count(gramFrequency, entry.KeyGrams.Concat(entry.AnswerGrams).Distinct());
        }

        // Weights need every entry's frequencies, so phrasings are weighed in a second pass.
        documentCount = analysed.Count;
        Profiles = analysed.Select(e => e with
        {
            Phrasings = e.Phrasings.Select(Weigh).ToList(),
            English = e.English is null ? null : e.English with { Phrasings = e.English.Phrasings.Select(Weigh).ToList() },
        }).ToList();
        HasEnglish = Profiles.Any(p => p.English is not null);
        CheckDocumentOrder();

        // Key terms by how many entries use them: a slip is corrected to the more common of two same-sounding terms.
        var names = new string[vocabulary.Count];
        foreach (var (term, id) in vocabulary)
        {
            names[id] = term;
        }

        var keyCounts = new Dictionary<int, int>();
        Count(keyCounts, Profiles.SelectMany(p => p.KeyWords));
        KeyTerms = keyCounts.OrderByDescending(kv => kv.Value).ThenBy(kv => names[kv.Key], StringComparer.Ordinal).Select(kv => names[kv.Key]).ToList();
        keyWordIds = keyCounts.Keys.ToHashSet();
        namingWordIds = Profiles.SelectMany(p => p.NamingWords).ToHashSet();
        profilesById = Profiles.GroupBy(p => p.Entry.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        // The canonical words of the synonym groups too: SmartCn cuts 企业微信 into 企业 + 微信, yet qywx means the whole.
        // The other ways of writing them are slipped on too, by sound (扫联 → 扫脸, 个题户 → 个体户).
        Corrector = new Understanding.TypoCorrector(KeyTerms.Concat(knowledge.Synonyms.CanonicalWords), term => vocabulary.ContainsKey(term), IsDictionaryWord, knowledge.Synonyms.Groups.SelectMany(g => g.Skip(1)));
    }

    /// <summary>True when some entry has English content (an en: block).</summary>
    public bool HasEnglish { get; }

    /// <summary>Words of titles, example questions and tags, the most used first.</summary>
    public IReadOnlyList<string> KeyTerms { get; }

    /// <summary>Corrects slips on <see cref="KeyTerms"/> (homophones, one wrong character, pinyin initials).</summary>
    public Understanding.TypoCorrector Corrector { get; }

    /// <summary>True when SmartCn's dictionary keeps <paramref name="piece"/> as one word, or drops it as a function word.</summary>
    public bool IsDictionaryWord(string piece)
    {
        // SmartCn's own segmentation, without the synonym rewrite or the stop words of the analyzer.
        using var tokenizer = new Lucene.Net.Analysis.Cn.Smart.HMMChineseTokenizer(new StringReader(piece));
        var term = tokenizer.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        tokenizer.Reset();
        var first = tokenizer.IncrementToken() ? term.ToString() : null;
        var more = first is not null && tokenizer.IncrementToken();
        tokenizer.End();
        return first == piece && !more;
    }

    /// <summary>True when some entry's title, example questions or tags use <paramref name="term"/> as a word.</summary>
    public bool IsKeyWord(string term) => vocabulary.TryGetValue(term, out var id) && keyWordIds.Contains(id);

    /// <summary>The analysed profile of the entry <paramref name="entryId"/>, or null when there is none.</summary>
    internal EntryProfile? ProfileOf(string entryId) => profilesById.GetValueOrDefault(entryId);

    /// <summary>True when some entry's title or tags use <paramref name="term"/>: a word that names a topic.</summary>
    public bool IsNamingWord(string term) => vocabulary.TryGetValue(term, out var id) && namingWordIds.Contains(id);

    /// <summary>True when some entry uses <paramref name="term"/> as a word (anywhere, the answer included).</summary>
    public bool IsKnownWord(string term) => vocabulary.TryGetValue(term, out var id) && wordFrequency.ContainsKey(id);

    /// <summary>True when some entry uses <paramref name="term"/> as a character bigram.</summary>
    public bool IsKnownGram(string term) => vocabulary.TryGetValue(term, out var id) && gramFrequency.ContainsKey(id);

    public KnowledgeBase Knowledge { get; }

    public RetrievalOptions Options { get; }

    public KnowledgeAnalyzer Analyzer { get; }

    /// <summary>Thread-safe; shared by every query.</summary>
    public IndexSearcher Searcher { get; }

    /// <summary>Profiles by Lucene document number (documents are added in entry order into one segment).</summary>
    internal IReadOnlyList<EntryProfile> Profiles { get; }

    /// <summary>The number of <paramref name="term"/> in the knowledge base's vocabulary (words and bigrams), or -1 when no entry uses it.</summary>
    public int TermId(string term) => vocabulary.TryGetValue(term, out var id) ? id : -1;

    /// <summary>BM25 inverse document frequency of a word (by <see cref="TermId"/>); a word the knowledge base never uses gets the highest value.</summary>
    public double WordWeight(int termId) => Idf(wordFrequency.GetValueOrDefault(termId));

    public double GramWeight(int termId) => Idf(gramFrequency.GetValueOrDefault(termId));

    /// <summary>
    /// A question word's weight in how much of the question an entry holds. A word no entry uses (塞, 号人, 咋个) tells no
    /// entry from another: it weighs as a word found in one entry of sixteen would, not as the rarest word there is. Whether such
    /// words make the question one of another topic is the domain's call (<see cref="WordWeight"/> of an unknown word).
    /// </summary>
    public double QueryWordWeight(int termId) =>
        wordFrequency.TryGetValue(termId, out var frequency) ? Idf(frequency) : Idf(documentCount / UnknownWordShare);

    private const int UnknownWordShare = 16;

    /// <summary>
    /// A term query for <paramref name="term"/> in <paramref name="field"/>, or null when no document has that term
    /// there (such a clause adds nothing to any score: BM25 has no coordination factor). It is common when more than
    /// <see cref="RetrievalOptions.CommonTermShare"/> of the documents hold the term there (<see cref="CommonTermSearch"/>).
    /// Lookups of terms the knowledge base uses are cached, so the cache is bounded by the index's vocabulary.
    /// </summary>
    public SearchClause? Clause(string field, string term, bool isGram)
    {
        var id = TermId(term);
        var known = id >= 0 && (isGram ? gramFrequency.ContainsKey(id) : wordFrequency.ContainsKey(id));
        if (!known)
        {
            return null;
        }

        var context = termContexts.GetOrAdd((field, term), static (key, topContext) =>
        {
            var built = TermContext.Build(topContext, new Term(key.Field, key.Term));
            return built.DocFreq > 0 ? built : null;
        }, reader.Context);
        return context is null ? null : new SearchClause(new TermQuery(new Term(field, term), context), context.DocFreq > Options.CommonTermShare * reader.MaxDoc);
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
        Analyzer.Dispose();
    }

    private double Idf(int documentFrequency) =>
        Math.Log(1 + ((documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    private static Document ToDocument(KnowledgeEntry entry, EntryTerms terms)
    {
        var document = new Document
        {
            new StringField(IdField, entry.Id, Field.Store.YES),
            new TextField(TitleField, new TermListTokenStream(terms.Title.Words)),
            new TextField(AnswerField, new TermListTokenStream(terms.AnswerWords)),
            new TextField(KnowledgeAnalyzer.GramsField, new TermListTokenStream(terms.KeyGrams)),
        };
        foreach (var question in terms.Questions)
        {
            document.Add(new TextField(QuestionsField, new TermListTokenStream(question.Words)));
        }

        foreach (var tag in terms.Tags)
        {
            document.Add(new TextField(TagsField, new TermListTokenStream(tag.Words)));
        }

        if (terms.English is { } english)
        {
            document.Add(new TextField(EnglishTitleField, new TermListTokenStream(english.Title)));
            document.Add(new TextField(EnglishAnswerField, new TermListTokenStream(english.Answer)));
            foreach (var question in english.Questions)
            {
                document.Add(new TextField(EnglishQuestionsField, new TermListTokenStream(question)));
            }
        }

        return document;
    }

    private Phrasing Weigh(Phrasing phrasing) => phrasing with
    {
        WordWeight = phrasing.Words.Sum(WordWeight),
        GramWeight = phrasing.Grams.Sum(GramWeight),
    };

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

    /// <summary>The vocabulary number of <paramref name="term"/>, given the next free one if it is new (during the build only).</summary>
    private int Intern(string term)
    {
        if (!vocabulary.TryGetValue(term, out var id))
        {
            id = vocabulary.Count;
            vocabulary.Add(term, id);
        }

        return id;
    }

    private static void Count(Dictionary<int, int> frequency, IEnumerable<int> terms)
    {
        foreach (var term in terms)
        {
            frequency[term] = frequency.GetValueOrDefault(term) + 1;
        }
    }
}
