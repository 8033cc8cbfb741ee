using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static WeComHelpBot.Knowledge.KnowledgeFieldReader;
using static WeComHelpBot.Knowledge.KnowledgeYaml;

namespace WeComHelpBot.Knowledge;

/// <summary>
/// Reads the entries: list of one knowledge file into <see cref="KnowledgeEntry"/>s. An entry with any problem is left
/// out, and its problems are recorded; the other entries of the file are still read.
/// </summary>
internal static partial class KnowledgeEntryReader
{
    private static readonly HashSet<string> KnownFields =
        ["id", "title", "section", "reviewed", "tags", "questions", "answer", "related", "flow", "en"];

    private static readonly HashSet<string> EnglishFields = ["title", "questions", "answer"];

    /// <param name="ids">Every id seen, valid entry or not: duplicates are found among all of them.</param>
    public static List<KnowledgeEntry> LoadEntries(string file, List<KnowledgeProblem> problems, List<KnowledgeIdLocation> ids)
    {
        var entries = new List<KnowledgeEntry>();
        var root = ReadRoot(file, problems);
        if (root is null)
        {
            return entries;
        }

        if (root is not YamlMappingNode mapping || !TryGet(mapping, "entries", out var entriesNode))
        {
            problems.Add(new KnowledgeProblem(file, Line(root), "文件顶层应当是 entries: 列表"));
            return entries;
        }

        if (entriesNode is not YamlSequenceNode list)
        {
            problems.Add(new KnowledgeProblem(file, Line(entriesNode), "entries 应当是一个列表（每项以 - 开头）"));
            return entries;
        }

        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode entryNode)
            {
                problems.Add(new KnowledgeProblem(file, Line(item), "entries 里的每一项都应当是一个条目（id、title、answer 等字段）"));
                continue;
            }

            if (TryGet(entryNode, "id", out var idNode) && idNode is YamlScalarNode { Value: { Length: > 0 } id })
            {
                ids.Add(new KnowledgeIdLocation(file, Line(entryNode), id.Trim()));
            }

            if (ReadEntry(file, entryNode, problems) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static KnowledgeEntry? ReadEntry(string file, YamlMappingNode node, List<KnowledgeProblem> problems)
    {
        var line = Line(node);
        var before = problems.Count;
        foreach (var key in node.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } name } && !KnownFields.Contains(name))
            {
                problems.Add(new KnowledgeProblem(file, Line(key), $"未知字段 {name}（可用字段：{string.Join("、", KnownFields)}）"));
            }
        }

        var id = RequiredScalar(file, node, "id", problems);
        var label = id ?? $"第 {line} 行的条目";
        if (id is not null && !IdPattern().IsMatch(id))
        {
            problems.Add(new KnowledgeProblem(file, LineOf(node, "id"), $"id “{id}” 只能用小写字母、数字和 -"));
        }

        var title = RequiredScalar(file, node, "title", problems, label);
        var answer = RequiredScalar(file, node, "answer", problems, label)?.Trim();
        var section = ReadSection(file, node, problems, label);
        var reviewed = ReadReviewed(file, node, problems, label);
        var questions = ReadList(file, node, "questions", required: true, problems, label);
        var tags = ReadList(file, node, "tags", required: false, problems, label);
        var related = ReadList(file, node, "related", required: false, problems, label);
        var flow = OptionalScalar(file, node, "flow", problems, label);
        var english = ReadEnglish(file, node, problems, label);

        if (questions is not null && questions.Count < KnowledgeLoader.MinQuestions)
        {
            problems.Add(new KnowledgeProblem(file, LineOf(node, "questions"), $"条目 {label} 只有 {questions.Count} 个示例问题，至少要 {KnowledgeLoader.MinQuestions} 个"));
        }

        if (questions is not null)
        {
            foreach (var duplicate in questions.GroupBy(q => q).Where(g => g.Count() > 1))
            {
                problems.Add(new KnowledgeProblem(file, LineOf(node, "questions"), $"条目 {label} 的示例问题“{duplicate.Key}”重复了"));
            }
        }

        if (problems.Count > before || id is null || title is null || answer is null || section is null || reviewed is null || questions is null)
        {
            return null;
        }

        return new KnowledgeEntry(id, title.Trim(), section.Value, reviewed.Value, tags ?? [], questions, answer, related ?? [], flow, file, line, english);
    }

    /// <summary>The optional en: block (title, questions, answer), checked like the Chinese fields; null when absent or broken.</summary>
    private static EnglishContent? ReadEnglish(string file, YamlMappingNode node, List<KnowledgeProblem> problems, string label)
    {
        if (!TryGet(node, "en", out var value))
        {
            return null;
        }

        if (value is not YamlMappingNode en)
        {
            problems.Add(new KnowledgeProblem(file, Line(value), $"条目 {label} 的 en 应当包含 title、questions、answer 三项"));
            return null;
        }

        foreach (var key in en.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } name } && !EnglishFields.Contains(name))
            {
                problems.Add(new KnowledgeProblem(file, Line(key), $"en 里的未知字段 {name}（可用字段：{string.Join("、", EnglishFields)}）"));
            }
        }

        var enLabel = $"{label} 的 en";
        var title = RequiredScalar(file, en, "title", problems, enLabel);
        var answer = RequiredScalar(file, en, "answer", problems, enLabel)?.Trim();
        var questions = ReadList(file, en, "questions", required: true, problems, enLabel);
        if (questions is { Count: 0 })
        {
            problems.Add(new KnowledgeProblem(file, LineOf(en, "questions"), $"条目 {enLabel} 至少要有一个英文示例问题"));
        }

        return title is null || answer is null || questions is not { Count: > 0 } ? null : new EnglishContent(title.Trim(), questions, answer);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
