namespace WeComHelpBot.Knowledge;

/// <summary>An entry's English title, example questions and answer (its optional `en:` block), for questions asked in English.</summary>
public sealed record EnglishContent(string Title, IReadOnlyList<string> Questions, string Answer);
