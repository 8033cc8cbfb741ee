namespace WeComHelpBot.Dialogs.Flows;

/// <summary>A validator's verdict. <see cref="Problem"/> tells the user exactly what is wrong (zh-CN).</summary>
public sealed record FlowValidationResult(bool IsValid, string? Problem = null)
{
    public static FlowValidationResult Valid { get; } = new(true);

    public static FlowValidationResult Invalid(string problem) => new(false, problem);
}
