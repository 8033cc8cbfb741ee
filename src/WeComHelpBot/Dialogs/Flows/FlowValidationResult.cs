namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// A validator's verdict. <see cref="Problem"/> tells the user exactly what is wrong (zh-CN); <see cref="Note"/>, on a
/// valid answer, is said before the flow goes on (e.g. what a correct code tells about the company).
/// </summary>
public sealed record FlowValidationResult(bool IsValid, string? Problem = null, string? Note = null)
{
    public static FlowValidationResult Valid { get; } = new(true);

    public static FlowValidationResult Invalid(string problem) => new(false, problem);

    public static FlowValidationResult ValidWithNote(string note) => new(true, Note: note);
}
