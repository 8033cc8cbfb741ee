using WeComHelpBot.Bot;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static WeComHelpBot.Dialogs.Flows.FlowYamlReader;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// Builds the <see cref="FlowDefinition"/> of one file: parses the YAML, reads the flow's fields and each step (through
/// <see cref="FlowStepReader"/>). Problems are recorded instead of thrown so every mistake of the file is reported at once.
/// </summary>
internal sealed class FlowFileReader
{
    private readonly FlowYamlReader yaml;
    private readonly FlowPartReader parts;
    private readonly FlowStepReader stepReader;

    public FlowFileReader(string file, List<FlowLoadError> errors)
    {
        yaml = new FlowYamlReader(file, errors);
        parts = new FlowPartReader(yaml);
        stepReader = new FlowStepReader(yaml, parts, new FlowStepChecker(yaml));
    }

    /// <summary>The flow, or null when the file is not readable as one (the problems are recorded).</summary>
    public FlowDefinition? ReadFile(string text)
    {
        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            yaml.Error((int)e.Start.Line, $"YAML 格式错误：{e.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet fails this way on some unterminated flow collections ("triggers: [注册" and a next line):
            // name the line where reading stopped, as the knowledge loader does.
            yaml.Error(LastReadableLine(text), "YAML 格式错误：这里附近有没闭合的 [ ] 或 { }，或缩进不对");
            return null;
        }
        catch (ArgumentException)
        {
            // YamlDotNet's node loader fails this way on an event it does not expect, e.g. "- : text: …" (a key left out).
            yaml.Error(parser.PreviousLine, "YAML 格式错误：这里的写法读不懂，常见原因是键名缺了（比如 “- : 值”），或冒号和缩进不对");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            yaml.Error(stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, "文件应当是一个流程（以 id: / title: / steps: 开头的映射）");
            return null;
        }

        yaml.CheckFields(root, FlowSchema.FlowFields, "流程");
        var id = yaml.RequiredString(root, "id");
        if (id is not null && !FlowSchema.IdPattern().IsMatch(id))
        {
            yaml.Error(Get(root, "id"), $"流程 id “{id}” 只能用小写字母、数字和连字符");
        }

        var title = yaml.RequiredString(root, "title");
        var steps = ReadSteps(root);
        if (id is null || title is null)
        {
            return null;
        }

        return new FlowDefinition
        {
            Id = id,
            Title = title,
            Description = yaml.OptionalString(root, "description"),
            Triggers = yaml.StringList(root, "triggers"),
            Variables = yaml.StringMap(root, "variables", checkNames: true),
            Intro = parts.OptionalText(root, "intro"),
            Steps = steps,
            Summary = parts.OptionalText(root, "summary"),
            File = yaml.File,
            Line = Line(root),
        };
    }

    private static int LastReadableLine(string text)
    {
        var line = 1;
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                line = (int)Math.Max(line, parser.Current!.End.Line);
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // Expected: the text is broken; the line reached so far is the answer.
        }

        return line;
    }

    private List<FlowStep> ReadSteps(YamlMappingNode root)
    {
        var node = Get(root, "steps");
        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            yaml.Error(node ?? root, "流程需要 steps: 列表，至少一步");
            return [];
        }

        var steps = new List<FlowStep>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is not YamlMappingNode stepNode)
            {
                yaml.Error(sequence.Children[i], "每一步应当是一个映射（id: / kind: …）");
                continue;
            }

            var step = stepReader.Read(stepNode, i);
            if (step is not null)
            {
                steps.Add(step);
            }
        }

        return steps;
    }
}
