using WeComHelpBot.Bot;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace WeComHelpBot.Knowledge;

/// <summary>
/// Reads a knowledge file's YAML and gives the line of each node. A file that does not parse becomes one
/// problem with the line YamlDotNet stopped at, worded for the person editing the file.
/// </summary>
internal static class KnowledgeYaml
{
    /// <summary>The root node of the file's first document, or null when the file is empty or broken (the problem is recorded).</summary>
    public static YamlNode? ReadRoot(string file, List<KnowledgeProblem> problems)
    {
        PositionTrackingParser? parser = null;
        try
        {
            using var reader = new StreamReader(file);
            var stream = new YamlStream();
            parser = new PositionTrackingParser(reader);
            stream.Load(parser);
            if (stream.Documents.Count == 0)
            {
                problems.Add(new KnowledgeProblem(file, 1, "文件是空的"));
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            problems.Add(new KnowledgeProblem(file, (int)Math.Max(1, ex.Start.Line), $"YAML 格式错误：{Describe(ex)}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet fails this way on some unterminated flow collections; name the line where reading stopped.
            problems.Add(new KnowledgeProblem(file, LastReadableLine(file), "YAML 格式错误：这里附近有没闭合的 [ ] 或 { }，或缩进不对"));
            return null;
        }
        catch (ArgumentException)
        {
            // YamlDotNet's node loader fails this way on an event it does not expect, e.g. "- : id: …" (a key left out).
            problems.Add(new KnowledgeProblem(file, parser?.PreviousLine ?? 1, "YAML 格式错误：这里的写法读不懂，常见原因是键名缺了（比如 “- : 值”），或冒号和缩进不对"));
            return null;
        }
    }

    public static bool TryGet(YamlMappingNode node, string key, out YamlNode value)
    {
        foreach (var (k, v) in node.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name == key)
            {
                value = v;
                return true;
            }
        }

        value = null!;
        return false;
    }

    /// <summary>The line of the field's value, or of the mapping when the field is missing.</summary>
    public static int LineOf(YamlMappingNode node, string key) => TryGet(node, key, out var value) ? Line(value) : Line(node);

    public static int Line(YamlNode node) => (int)node.Start.Line;

    private static int LastReadableLine(string file)
    {
        var line = 1;
        try
        {
            using var reader = new StreamReader(file);
            var parser = new Parser(reader);
            while (parser.MoveNext())
            {
                line = (int)Math.Max(line, parser.Current!.End.Line);
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // Expected: the file is broken; the line reached so far is the answer.
        }

        return line;
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet's message repeats the position; keep the part after it.
        var message = (ex.InnerException as YamlException)?.Message ?? ex.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return close >= 0 ? message[(close + 3)..] : message;
    }
}
