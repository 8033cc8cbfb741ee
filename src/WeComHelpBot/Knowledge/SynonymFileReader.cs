using YamlDotNet.RepresentationModel;
using static WeComHelpBot.Knowledge.KnowledgeYaml;

namespace WeComHelpBot.Knowledge;

/// <summary>Reads synonyms.yaml into a <see cref="SynonymMap"/>: groups of at least two words, each word in one group only; the Chinese groups under synonyms:, the English ones under english:.</summary>
internal static class SynonymFileReader
{
    public static SynonymMap Load(string file, List<KnowledgeProblem> problems)
    {
        var root = ReadRoot(file, problems);
        if (root is null)
        {
            return SynonymMap.Empty;
        }

        if (root is not YamlMappingNode mapping || !TryGet(mapping, "synonyms", out var groupsNode) || groupsNode is not YamlSequenceNode groups)
        {
            problems.Add(new KnowledgeProblem(file, Line(root), "文件顶层应当是 synonyms: 列表，每项是一组同义词，例如 - [法定代表人, 法人]"));
            return SynonymMap.Empty;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = Groups(file, groups, seen, problems, "[法定代表人, 法人]");

        // English groups, optional: an en: block's words and a question's are rewritten alike (cost → fee).
        var english = new List<IReadOnlyList<string>>();
        if (TryGet(mapping, "english", out var englishNode))
        {
            if (englishNode is YamlSequenceNode englishGroups)
            {
                english = Groups(file, englishGroups, new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase), problems, "[fee, cost, price]");
            }
            else
            {
                problems.Add(new KnowledgeProblem(file, Line(englishNode), "english: 应当是列表，每项是一组英文同义词，例如 - [fee, cost, price]"));
            }
        }

        return new SynonymMap(result, english);
    }

    private static List<IReadOnlyList<string>> Groups(string file, YamlSequenceNode groups, Dictionary<string, int> seen, List<KnowledgeProblem> problems, string example)
    {
        var result = new List<IReadOnlyList<string>>();
        foreach (var groupNode in groups.Children)
        {
            if (groupNode is not YamlSequenceNode group || group.Children.Any(c => c is not YamlScalarNode { Value: { Length: > 0 } }))
            {
                problems.Add(new KnowledgeProblem(file, Line(groupNode), $"每组同义词应当是一个文字列表，例如 {example}"));
                continue;
            }

            var words = group.Children.Select(c => ((YamlScalarNode)c).Value!.Trim()).ToList();
            if (words.Count < 2)
            {
                problems.Add(new KnowledgeProblem(file, Line(groupNode), "一组同义词至少要有两个词"));
                continue;
            }

            foreach (var word in words)
            {
                if (!seen.TryAdd(word, Line(groupNode)) && seen[word] != Line(groupNode))
                {
                    problems.Add(new KnowledgeProblem(file, Line(groupNode), $"“{word}”已经出现在第 {seen[word]} 行的同义词组里"));
                }
            }

            result.Add(words);
        }

        return result;
    }
}
