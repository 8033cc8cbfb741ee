using System.Text.RegularExpressions;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>Fills {{variable}} placeholders in flow messages.</summary>
public static partial class FlowTemplate
{
    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.GetValueOrDefault(m.Groups["name"].Value) ?? string.Empty);

    public static IEnumerable<string> VariablesIn(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups["name"].Value);

    /// <summary>"{{" without a well-formed placeholder, such as "{{ 名字 }}" or an unclosed "{{name".</summary>
    public static bool HasMalformedPlaceholder(string template) =>
        Placeholder().Replace(template, string.Empty).Contains("{{", StringComparison.Ordinal);

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
