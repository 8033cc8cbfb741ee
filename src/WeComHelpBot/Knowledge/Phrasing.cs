namespace WeComHelpBot.Knowledge;

/// <summary>The title or one example question of an entry, analysed, with the total weight of its terms.</summary>
internal sealed record Phrasing(HashSet<string> Words, HashSet<string> Grams, double WordWeight, double GramWeight);
