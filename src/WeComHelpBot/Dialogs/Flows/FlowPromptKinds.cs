using System.Globalization;
using WeComHelpBot.Dialogs.Flows.PromptKinds;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// The registry of prompt kinds, one entry each. A new kind is a <see cref="FlowPromptKind{T}"/> in PromptKinds/ and one
/// line in <see cref="All"/>; the reader, the checks and the runner need nothing else.
/// </summary>
public static class FlowPromptKinds
{
    public static FlowPromptKind Text { get; } = new TextPromptKind();

    public static FlowPromptKind Choice { get; } = new ChoicePromptKind();

    public static FlowPromptKind Confirm { get; } = new ConfirmPromptKind();

    public static FlowPromptKind Number { get; } = new NumberPromptKind();

    public static FlowPromptKind Phone { get; } = new PhonePromptKind();

    public static FlowPromptKind Date { get; } = new DatePromptKind();

    public static FlowPromptKind Company { get; } = new CompanyPromptKind();

    public static IReadOnlyList<FlowPromptKind> All { get; } = [Text, Choice, Confirm, Number, Phone, Date, Company];

    /// <summary>The kind with this YAML name, or null when the name is not a prompt kind.</summary>
    public static FlowPromptKind? Find(string name) => All.FirstOrDefault(k => k.Name == name);

    public static string FormatNumber(decimal number) => number.ToString("0.##", CultureInfo.InvariantCulture);
}
