namespace WeComHelpBot.Knowledge;

/// <summary>Where an entry id was written, kept for every entry (valid or not) so duplicates point at both places.</summary>
internal readonly record struct KnowledgeIdLocation(string File, int Line, string Id);
