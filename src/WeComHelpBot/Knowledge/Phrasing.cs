namespace WeComHelpBot.Knowledge;

/// <summary>
/// The title or one example question of an entry, analysed, with the total weight of its terms. Terms are numbers
/// of the index's vocabulary (<see cref="KnowledgeIndex.TermId"/>): scoring a candidate tests membership for every
/// term of the question, and an int hashes and compares in a fraction of a string's time.
/// </summary>
internal sealed record Phrasing(HashSet<int> Words, HashSet<int> Grams, double WordWeight, double GramWeight);
