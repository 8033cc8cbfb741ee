namespace WeComHelpBot.Images;

/// <summary>The last 统一社会信用代码 and company name a user typed in one conversation (in memory only).</summary>
public sealed record TypedFacts(string? CreditCode, string? CompanyName);
