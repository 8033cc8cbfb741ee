using System.Globalization;
using YamlDotNet.RepresentationModel;
using static WeComHelpBot.Knowledge.KnowledgeYaml;

namespace WeComHelpBot.Knowledge;

/// <summary>
/// Reads one field of an entry and checks its shape: required or optional text, lists of text, the guide section and the
/// review date. A field that is wrong is recorded with its line and read as null.
/// </summary>
internal static class KnowledgeFieldReader
{
    public static string? RequiredScalar(string file, YamlMappingNode node, string field, List<KnowledgeProblem> problems, string? label = null)
    {
        if (!TryGet(node, field, out var value))
        {
            problems.Add(new KnowledgeProblem(file, Line(node), label is null ? $"条目缺少字段 {field}" : $"条目 {label} 缺少字段 {field}"));
            return null;
        }

        if (value is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
        {
            problems.Add(new KnowledgeProblem(file, Line(value), label is null ? $"字段 {field} 应当是一段非空文字" : $"条目 {label} 的 {field} 应当是一段非空文字"));
            return null;
        }

        return scalar.Value;
    }

    public static string? OptionalScalar(string file, YamlMappingNode node, string field, List<KnowledgeProblem> problems, string label)
    {
        if (!TryGet(node, field, out var value) || value is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        if (value is YamlScalarNode scalar)
        {
            return scalar.Value!.Trim();
        }

        problems.Add(new KnowledgeProblem(file, Line(value), $"条目 {label} 的 {field} 应当是一段文字"));
        return null;
    }

    /// <summary>A list of trimmed texts; a missing optional list is empty, a missing required one is null.</summary>
    public static List<string>? ReadList(string file, YamlMappingNode node, string field, bool required, List<KnowledgeProblem> problems, string label)
    {
        if (!TryGet(node, field, out var value))
        {
            if (required)
            {
                problems.Add(new KnowledgeProblem(file, Line(node), $"条目 {label} 缺少字段 {field}"));
                return null;
            }

            return [];
        }

        if (value is YamlScalarNode { Value: null or "" } && !required)
        {
            return [];
        }

        if (value is not YamlSequenceNode sequence)
        {
            problems.Add(new KnowledgeProblem(file, Line(value), $"条目 {label} 的 {field} 应当是一个列表"));
            return null;
        }

        var items = new List<string>();
        foreach (var child in sequence.Children)
        {
            if (child is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
            {
                items.Add(text.Trim());
            }
            else
            {
                problems.Add(new KnowledgeProblem(file, Line(child), $"条目 {label} 的 {field} 里有一项是空的或不是文字"));
            }
        }

        return items;
    }

    /// <summary>The chapter of the registration guide the entry belongs to.</summary>
    public static int? ReadSection(string file, YamlMappingNode node, List<KnowledgeProblem> problems, string label)
    {
        var text = RequiredScalar(file, node, "section", problems, label);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var section) && section is >= KnowledgeLoader.MinSection and <= KnowledgeLoader.MaxSection)
        {
            return section;
        }

        problems.Add(new KnowledgeProblem(file, LineOf(node, "section"), $"条目 {label} 的 section “{text}” 应当是 {KnowledgeLoader.MinSection} 到 {KnowledgeLoader.MaxSection} 的整数（指南的章节）"));
        return null;
    }

    public static DateOnly? ReadReviewed(string file, YamlMappingNode node, List<KnowledgeProblem> problems, string label)
    {
        var text = RequiredScalar(file, node, "reviewed", problems, label);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(new KnowledgeProblem(file, LineOf(node, "reviewed"), $"条目 {label} 的 reviewed “{text}” 不是 YYYY-MM-DD 格式的日期"));
        return null;
    }
}
