using YamlDotNet.RepresentationModel;
using static WeComHelpBot.Knowledge.KnowledgeYaml;

namespace WeComHelpBot.Knowledge;

/// <summary>Reads out-of-scope.yaml (products and topics the bot does not cover) and checks its terms against the entries.</summary>
internal static class OutOfScopeFileReader
{
    public static List<(string Term, int Line)> Load(string file, List<KnowledgeProblem> problems)
    {
        var terms = new List<(string Term, int Line)>();
        var root = ReadRoot(file, problems);
        if (root is null)
        {
            return terms;
        }

        if (root is not YamlMappingNode mapping || !TryGet(mapping, "terms", out var termsNode) || termsNode is not YamlSequenceNode list)
        {
            problems.Add(new KnowledgeProblem(file, Line(root), "文件顶层应当是 terms: 列表，每项是一个不在服务范围内的产品或话题名称，例如 - 钉钉"));
            return terms;
        }

        foreach (var item in list.Children)
        {
            if (item is YamlScalarNode { Value: { } value } && value.Trim().Length > 0)
            {
                terms.Add((value.Trim(), Line(item)));
            }
            else
            {
                problems.Add(new KnowledgeProblem(file, Line(item), "terms 里的每一项都应当是一个词，例如 - 钉钉"));
            }
        }

        return terms;
    }

    /// <summary>A term an entry itself uses would turn away questions the knowledge base answers: reject it.</summary>
    public static void CheckAgainstEntries(string? file, List<(string Term, int Line)> terms, List<KnowledgeEntry> entries, List<KnowledgeProblem> problems)
    {
        foreach (var (term, line) in terms)
        {
            var user = entries.FirstOrDefault(e => new[] { e.Title }.Concat(e.Questions).Concat(e.Tags)
                .Any(text => text.Contains(term, StringComparison.OrdinalIgnoreCase)));
            if (user is not null)
            {
                problems.Add(new KnowledgeProblem(file!, line, $"“{term}”出现在条目 {user.Id} 的标题、示例问题或标签里，不能同时算作范围外的词"));
            }
        }
    }
}
