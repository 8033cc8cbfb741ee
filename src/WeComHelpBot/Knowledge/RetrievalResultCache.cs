using System.Diagnostics.CodeAnalysis;
using BitFaster.Caching.Lru;

namespace WeComHelpBot.Knowledge;

/// <summary>
/// The ranked candidates of recent questions, so a question asked again skips SmartCn, Lucene and the confidence
/// scoring. Keyed by the question text exactly as retrieval analyses it (trimmed, nothing else folded: texts that
/// differ in any character are looked up separately). Results belong to the index and settings they were computed
/// with; a lookup against another index (a reloaded knowledge base) starts an empty cache and never sees them.
/// Bounded in entries (BitFaster's ConcurrentLru, no global lock) and in question length. Thread-safe.
/// </summary>
public sealed class RetrievalResultCache
{
    /// <summary>Longer questions are searched every time: they rarely repeat and would make the cache's memory unbounded in practice.</summary>
    public const int MaxQuestionLength = 100;

    private const int SmallestCapacity = 3;

    private Generation? current;
    private long hits;
    private long misses;

    public RetrievalResultCache(int capacity)
    {
        if (capacity < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The result cache size must be 0 (off) or more.");
        }

        Capacity = capacity == 0 ? 0 : Math.Max(capacity, SmallestCapacity);
    }

    /// <summary>The most questions kept; 0 when the cache is off.</summary>
    public int Capacity { get; }

    public bool Enabled => Capacity > 0;

    /// <summary>Lookups answered from the cache since start.</summary>
    public long Hits => Interlocked.Read(ref hits);

    /// <summary>Lookups of cacheable questions that had to be searched.</summary>
    public long Misses => Interlocked.Read(ref misses);

    /// <summary>Questions held now for the current knowledge index.</summary>
    public int Count => Volatile.Read(ref current)?.Results.Count ?? 0;

    /// <summary>Whether <paramref name="question"/> (already trimmed) is short enough to be cached, with the cache on.</summary>
    public bool Accepts(string question) => Enabled && question.Length <= MaxQuestionLength;

    /// <summary>The cached candidates of <paramref name="question"/> computed from <paramref name="index"/> with <paramref name="settings"/>.</summary>
    public bool TryGet(KnowledgeIndex index, RetrievalOptions settings, string question, [MaybeNullWhen(false)] out IReadOnlyList<RetrievalCandidate> candidates)
    {
        candidates = null;
        if (!Accepts(question))
        {
            return false;
        }

        if (For(index, settings).Results.TryGet(question, out var found))
        {
            Interlocked.Increment(ref hits);
            candidates = found;
            return true;
        }

        Interlocked.Increment(ref misses);
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="candidates"/>, which must be read-only (the retriever hands out the same instance to
    /// every later caller). Results of an index that is no longer current are dropped.
    /// </summary>
    /// <summary>
    /// The whole reading of a question asked with no follow-up context (its preparation, candidates, comparison and
    /// decision features): everything the decision needs, so a question asked again skips the understanding too.
    /// </summary>
    public bool TryGetUnderstanding(KnowledgeIndex index, RetrievalOptions settings, string question, [MaybeNullWhen(false)] out QuestionUnderstanding understanding)
    {
        understanding = null;
        if (!Enabled)
        {
            return false;
        }

        if (For(index, settings).Understandings.TryGet(question, out var found))
        {
            Interlocked.Increment(ref hits);
            understanding = found;
            return true;
        }

        Interlocked.Increment(ref misses);
        return false;
    }

    public void AddUnderstanding(KnowledgeIndex index, RetrievalOptions settings, string question, QuestionUnderstanding understanding)
    {
        if (Enabled && Volatile.Read(ref current) is { } generation && generation.IsFor(index, settings))
        {
            generation.Understandings.AddOrUpdate(question, understanding);
        }
    }

    public void Add(KnowledgeIndex index, RetrievalOptions settings, string question, IReadOnlyList<RetrievalCandidate> candidates)
    {
        if (Accepts(question) && Volatile.Read(ref current) is { } generation && generation.IsFor(index, settings))
        {
            generation.Results.AddOrUpdate(question, candidates);
        }
    }

    /// <summary>The cache of this index and settings; a different pair than last time replaces the old cache whole.</summary>
    private Generation For(KnowledgeIndex index, RetrievalOptions settings)
    {
        while (true)
        {
            var generation = Volatile.Read(ref current);
            if (generation is not null && generation.IsFor(index, settings))
            {
                return generation;
            }

            var fresh = new Generation(index, settings, new FastConcurrentLru<string, IReadOnlyList<RetrievalCandidate>>(Capacity), new FastConcurrentLru<string, QuestionUnderstanding>(Capacity));
            if (Interlocked.CompareExchange(ref current, fresh, generation) == generation)
            {
                return fresh;
            }
        }
    }

    private sealed class Generation(
        KnowledgeIndex index,
        RetrievalOptions settings,
        FastConcurrentLru<string, IReadOnlyList<RetrievalCandidate>> results,
        FastConcurrentLru<string, QuestionUnderstanding> understandings)
    {
        public FastConcurrentLru<string, IReadOnlyList<RetrievalCandidate>> Results { get; } = results;

        public FastConcurrentLru<string, QuestionUnderstanding> Understandings { get; } = understandings;

        public bool IsFor(KnowledgeIndex otherIndex, RetrievalOptions otherSettings) =>
            ReferenceEquals(index, otherIndex) && ReferenceEquals(settings, otherSettings);
    }
}
