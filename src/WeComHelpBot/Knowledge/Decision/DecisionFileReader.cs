using System.Globalization;
using YamlDotNet.RepresentationModel;
using static WeComHelpBot.Knowledge.KnowledgeYaml;

namespace WeComHelpBot.Knowledge.Decision;

/// <summary>
/// Reads knowledge/decision.yaml, the calibrated decision written by `wecomhelp kb calibrate` (schema in
/// knowledge/README.md). Every feature of both models must be there with a finite weight, mean and a positive scale,
/// and the thresholds must lie in 0..1 with clarify ≤ answer; each problem names its line.
/// </summary>
internal static class DecisionFileReader
{
    public static DecisionModel? Load(string file, List<KnowledgeProblem> problems)
    {
        var root = ReadRoot(file, problems);
        if (root is null)
        {
            return null;
        }

        if (root is not YamlMappingNode mapping)
        {
            problems.Add(new KnowledgeProblem(file, Line(root), "decision.yaml 顶层应当有 thresholds、domain、entry 三项"));
            return null;
        }

        var before = problems.Count;
        var domainThreshold = 0.0;
        var answer = 0.0;
        var clarify = 0.0;
        if (Child(file, mapping, "thresholds", problems) is YamlMappingNode thresholds)
        {
            domainThreshold = Number(file, thresholds, "domain", problems, 0, 1);
            answer = Number(file, thresholds, "answer", problems, 0, 1);
            clarify = Number(file, thresholds, "clarify", problems, 0, 1);
            if (clarify > answer)
            {
                problems.Add(new KnowledgeProblem(file, Line(thresholds), "clarify 阈值不能高于 answer 阈值"));
            }
        }

        var domain = Model(file, mapping, "domain", DecisionFeatures.DomainNames, problems);
        var entry = Model(file, mapping, "entry", DecisionFeatures.EntryNames, problems);
        var types = TryGet(mapping, "types", out var typesNode) ? Types(file, typesNode, problems) : [];
        return problems.Count > before || domain is null || entry is null ? null : new DecisionModel(domain, entry, domainThreshold, answer, clarify) { Types = types };
    }

    /// <summary>The optional per-type decisions: each a known type with answer and clarify thresholds and, optionally, its own entry model.</summary>
    private static Dictionary<QuestionType, TypeDecision> Types(string file, YamlNode node, List<KnowledgeProblem> problems)
    {
        var types = new Dictionary<QuestionType, TypeDecision>();
        if (node is not YamlMappingNode mapping)
        {
            problems.Add(new KnowledgeProblem(file, Line(node), $"types 应当按问题类型列出（{string.Join("、", QuestionTypes.All.Select(QuestionTypes.Name))}）"));
            return types;
        }

        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (QuestionTypes.Parse(name) is not { } type)
            {
                problems.Add(new KnowledgeProblem(file, Line(key), $"没有叫 {name} 的问题类型；可用的有 {string.Join("、", QuestionTypes.All.Select(QuestionTypes.Name))}"));
                continue;
            }

            if (value is not YamlMappingNode decision)
            {
                problems.Add(new KnowledgeProblem(file, Line(value), $"{name} 应当有 answer、clarify 两个阈值"));
                continue;
            }

            var answer = Number(file, decision, "answer", problems, 0, 1);
            var clarify = Number(file, decision, "clarify", problems, 0, 1);
            if (clarify > answer)
            {
                problems.Add(new KnowledgeProblem(file, Line(decision), $"{name} 的 clarify 阈值不能高于 answer 阈值"));
            }

            var entry = TryGet(decision, "entry", out _) ? Model(file, decision, "entry", DecisionFeatures.EntryNames, problems) : null;
            types[type] = new TypeDecision(answer, clarify, entry);
        }

        return types;
    }

    private static LogisticModel? Model(string file, YamlMappingNode root, string key, IReadOnlyList<string> names, List<KnowledgeProblem> problems)
    {
        if (Child(file, root, key, problems) is not YamlMappingNode node)
        {
            return null;
        }

        var bias = Number(file, node, "bias", problems, double.MinValue, double.MaxValue);
        if (Child(file, node, "features", problems) is not YamlMappingNode features)
        {
            return null;
        }

        var weights = new double[names.Count];
        var means = new double[names.Count];
        var scales = new double[names.Count];
        foreach (var (k, _) in features.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && !names.Contains(name))
            {
                problems.Add(new KnowledgeProblem(file, Line(k), $"{key} 没有叫 {name} 的特征；可用的有 {string.Join("、", names)}"));
            }
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (Child(file, features, names[i], problems, Line(features)) is not YamlMappingNode feature)
            {
                continue;
            }

            weights[i] = Number(file, feature, "weight", problems, double.MinValue, double.MaxValue);
            means[i] = Number(file, feature, "mean", problems, double.MinValue, double.MaxValue);
            scales[i] = Number(file, feature, "scale", problems, double.Epsilon, double.MaxValue);
        }

        return new LogisticModel(names, weights, bias, means, scales);
    }

    private static YamlNode? Child(string file, YamlMappingNode node, string key, List<KnowledgeProblem> problems, int? line = null)
    {
        if (TryGet(node, key, out var child))
        {
            return child;
        }

        problems.Add(new KnowledgeProblem(file, line ?? Line(node), $"缺少 {key}"));
        return null;
    }

    private static double Number(string file, YamlMappingNode node, string key, List<KnowledgeProblem> problems, double min, double max)
    {
        if (Child(file, node, key, problems) is not { } child)
        {
            return 0;
        }

        if (child is YamlScalarNode { Value: { } text }
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && value >= min && value <= max)
        {
            return value;
        }

        var range = min == double.MinValue ? "一个有限的数" : max == double.MaxValue ? "大于 0 的数" : $"{min}–{max} 之间的数";
        problems.Add(new KnowledgeProblem(file, Line(child), $"{key} 应当是{range}"));
        return 0;
    }
}
