using WeComHelpBot.Knowledge.Understanding;
using YamlDotNet.RepresentationModel;
using static WeComHelpBot.Knowledge.KnowledgeYaml;

namespace WeComHelpBot.Knowledge;

/// <summary>Reads aspects.yaml: what a comparison may ask of both sides, and the words that ask it and that mark an entry about it.</summary>
internal static class AspectFileReader
{
    private const string Shape = "文件顶层应当是 aspects: 列表，每项有 name（方面名称）、asks（问题里问这个方面的词）和 covers（条目里讲这个方面的词），可选 per_topic: true";

    public static IReadOnlyList<Aspect> Load(string file, List<KnowledgeProblem> problems)
    {
        var aspects = new List<Aspect>();
        var root = ReadRoot(file, problems);
        if (root is null)
        {
            return aspects;
        }

        if (root is not YamlMappingNode mapping || !TryGet(mapping, "aspects", out var listNode) || listNode is not YamlSequenceNode list)
        {
            problems.Add(new KnowledgeProblem(file, Line(root), Shape));
            return aspects;
        }

        foreach (var item in list.Children)
        {
            if (item is YamlMappingNode node && TryGet(node, "name", out var name) && name is YamlScalarNode { Value: { Length: > 0 } nameText }
                && Words(node, "asks") is { Count: > 0 } asks && Words(node, "covers") is { Count: > 0 } covers
                && PerTopic(node) is { } perTopic)
            {
                aspects.Add(new Aspect(nameText.Trim(), asks, covers) { PerTopic = perTopic });
            }
            else
            {
                problems.Add(new KnowledgeProblem(file, Line(item), Shape));
            }
        }

        return aspects;
    }

    /// <summary>The optional per_topic flag: false when absent, null when it is not true or false.</summary>
    private static bool? PerTopic(YamlMappingNode node) =>
        !TryGet(node, "per_topic", out var value) ? false
        : value is YamlScalarNode { Value: "true" } ? true
        : value is YamlScalarNode { Value: "false" } ? false
        : null;

    private static List<string>? Words(YamlMappingNode node, string key)
    {
        if (!TryGet(node, key, out var value) || value is not YamlSequenceNode words)
        {
            return null;
        }

        var texts = words.Children.Select(w => (w as YamlScalarNode)?.Value?.Trim()).ToList();
        return texts.All(t => t is { Length: > 0 }) ? texts.Select(t => t!).ToList() : null;
    }
}
