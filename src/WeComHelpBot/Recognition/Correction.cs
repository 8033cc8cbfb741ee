namespace WeComHelpBot.Recognition;

/// <summary>
/// A change of an earlier answer. <see cref="NewAnswer"/> is what the user now says ("其实是对公打款" → 对公打款), null when
/// they only said they changed their mind; <see cref="About"/> is the part that names the earlier answer, if any.
/// </summary>
public sealed record Correction(string? NewAnswer, string? About);
