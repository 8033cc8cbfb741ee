using System.Text.RegularExpressions;
using System.Text;
using YamlDotNet.Core.Events;
using YamlDotNet.Core;

namespace WeComHelpBot.Analytics.Gaps;

/// <summary>
/// Adds an example question to one entry of a knowledge file by editing the text, so comments, blank lines, quoting
/// and everything else stay byte for byte. YamlDotNet's parser only finds where the entry's <c>questions:</c> list is
/// and where it ends; the new item goes after the last one, with the same indentation (or before the <c>]</c> of a
/// flow list). Nothing is re-serialised.
/// </summary>
public static partial class QuestionListEditor
{
    /// <summary>The text with <paramref name="question"/> added; throws <see cref="FormatException"/> (zh-CN) when the entry or its list cannot be found.</summary>
    public static string AddQuestion(string yaml, string entryId, string question)
    {
        var list = Locate(yaml, entryId);
        var lines = LineStarts(yaml);
        var scalar = FormatScalar(question.Trim());
        if (list.Flow)
        {
            var close = Offset(lines, list.End);
            return yaml.Insert(close, (list.Items.Count == 0 ? string.Empty : ", ") + scalar);
        }

        if (list.Items.Count == 0)
        {
            throw new FormatException($"条目 {entryId} 的 questions 列表是空的，无法参照已有项的缩进");
        }

        var last = list.Items[^1];
        var itemLine = LineText(yaml, lines, (int)last.Start.Line);
        var column = (int)last.Start.Column - 1;
        var dash = itemLine.LastIndexOf('-', Math.Max(0, column - 1));
        var prefix = dash >= 0 && itemLine[..dash].All(c => c == ' ') && itemLine[(dash + 1)..column].All(c => c == ' ')
            ? itemLine[..column]
            : throw new FormatException($"条目 {entryId} 的 questions 最后一项（第 {last.Start.Line} 行）不是常见的“- 问题”写法，请手工添加");

        // A block scalar (| or >) ends at the start of the line after it; a plain or quoted one on its own line.
        var endLine = last.End.Column <= 1 && last.End.Line > last.Start.Line ? (int)last.End.Line - 1 : (int)last.End.Line;
        var newline = yaml.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var newItem = prefix + scalar;
        if (endLine >= lines.Count)
        {
            // The last item is on the last line and the file has no final newline: keep it that way.
            return yaml + newline + newItem;
        }

        return yaml.Insert(lines[endLine], newItem + newline);
    }

    /// <summary>The question as a YAML scalar: plain when that reads back as the same text, otherwise double-quoted.</summary>
    public static string FormatScalar(string text)
    {
        if (text.Length > 0 && !NeedsQuotes().IsMatch(text) && !PlainLooksLikeOtherType().IsMatch(text))
        {
            return text;
        }

        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private static QuestionList Locate(string yaml, string entryId)
    {
        var parser = new Parser(new StringReader(yaml));
        try
        {
            parser.Consume<StreamStart>();
            parser.Consume<DocumentStart>();
            parser.Consume<MappingStart>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Consume<Scalar>();
                if (key.Value != "entries" || !parser.TryConsume<SequenceStart>(out _))
                {
                    parser.SkipThisAndNestedEvents();
                    continue;
                }

                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    if (!parser.TryConsume<MappingStart>(out _))
                    {
                        parser.SkipThisAndNestedEvents();
                        continue;
                    }

                    if (ReadEntry(parser) is { } found && found.Id == entryId)
                    {
                        return found.Questions ?? throw new FormatException($"条目 {entryId} 没有 questions 列表");
                    }
                }
            }
        }
        catch (YamlException ex)
        {
            throw new FormatException($"第 {ex.Start.Line} 行附近 YAML 读不懂：{ex.Message}", ex);
        }

        throw new FormatException($"文件里没有条目 {entryId}");
    }

    /// <summary>Reads one entry mapping (after its MappingStart, through its MappingEnd): its id and its questions list.</summary>
    private static (string? Id, QuestionList? Questions)? ReadEntry(IParser parser)
    {
        string? id = null;
        QuestionList? questions = null;
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (!parser.TryConsume<Scalar>(out var key))
            {
                parser.SkipThisAndNestedEvents(); // a complex key
                parser.SkipThisAndNestedEvents();
                continue;
            }

            if (key.Value == "id" && parser.TryConsume<Scalar>(out var idValue))
            {
                id = idValue.Value.Trim();
            }
            else if (key.Value == "questions" && parser.TryConsume<SequenceStart>(out var start))
            {
                var items = new List<Scalar>();
                Mark end;
                while (true)
                {
                    if (parser.TryConsume<SequenceEnd>(out var sequenceEnd))
                    {
                        end = sequenceEnd.Start;
                        break;
                    }

                    if (parser.TryConsume<Scalar>(out var item))
                    {
                        items.Add(item);
                    }
                    else
                    {
                        parser.SkipThisAndNestedEvents();
                    }
                }

                questions = new QuestionList(start.Style == SequenceStyle.Flow, items, end);
            }
            else
            {
                parser.SkipThisAndNestedEvents();
            }
        }

        return (id, questions);
    }

    /// <summary>Offsets where each line starts (index 0 = line 1).</summary>
    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static string LineText(string text, List<int> starts, int line)
    {
        var start = starts[line - 1];
        var end = line < starts.Count ? starts[line] : text.Length;
        return text[start..end].TrimEnd('\n', '\r');
    }

    private static int Offset(List<int> starts, Mark mark) => starts[(int)mark.Line - 1] + (int)mark.Column - 1;

    private sealed record QuestionList(bool Flow, IReadOnlyList<Scalar> Items, Mark End);

    // Characters that start or change the meaning of a plain scalar, in block or flow context.
    [GeneratedRegex(@"^[\s\-?:,\[\]{}#&*!|>'""%@`]|[:#,\[\]{}]|\s$|[\x00-\x1f\\""']")]
    private static partial Regex NeedsQuotes();

    // Plain scalars YAML would read as something other than text.
    [GeneratedRegex(@"^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PlainLooksLikeOtherType();
}
