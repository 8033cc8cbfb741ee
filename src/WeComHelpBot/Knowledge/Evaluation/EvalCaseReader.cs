using System.Text.Json;

namespace WeComHelpBot.Knowledge.Evaluation;

/// <summary>
/// Reads kb-eval JSON lines: {"question":"…","expected":"entry-id"} or {"question":"…","expected":null}, with optional
/// "kind", "accept" (more entry ids), "both" (two ids a comparison must show), "previous" (the message before a
/// follow-up) and "note". "expected":"NEW:slug" names an entry the guide's facts call for, by its id slug. Blank lines are skipped.
/// </summary>
public static class EvalCaseReader
{
    /// <summary>"expected":"NEW:slug": a fact of the guide no entry covered when the question was written; the entry's id is the slug.</summary>
    public const string NewEntryPrefix = "NEW:";

    /// <exception cref="FormatException">A line is not such an object; the message is "file:line: reason".</exception>
    public static IReadOnlyList<EvalCase> Read(string path, TextReader reader)
    {
        var cases = new List<EvalCase>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            cases.Add(Parse(path, lineNumber, line));
        }

        return cases;
    }

    private static EvalCase Parse(string path, int lineNumber, string line)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{path}:{lineNumber}: 不是合法的 JSON（{ex.Message}）", ex);
        }

        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("question", out var question) || question.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(question.GetString()))
        {
            throw new FormatException($"{path}:{lineNumber}: 需要 {{\"question\":\"…\",\"expected\":\"条目 id 或 null\"}}");
        }

        if (!root.TryGetProperty("expected", out var expected) || expected.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            throw new FormatException($"{path}:{lineNumber}: expected 应当是条目 id 或 null（范围外的问题）");
        }

        var expectedId = expected.ValueKind == JsonValueKind.Null ? null : expected.GetString();
        if (expectedId is not null && expectedId.StartsWith(NewEntryPrefix, StringComparison.Ordinal))
        {
            expectedId = expectedId[NewEntryPrefix.Length..];
        }

        var both = Strings(path, lineNumber, root, "both");
        if (both.Count is not (0 or 2))
        {
            throw new FormatException($"{path}:{lineNumber}: both 应当正好列出两个条目 id");
        }

        var kind = root.TryGetProperty("kind", out var kindNode) && kindNode.ValueKind == JsonValueKind.String && kindNode.GetString() is { Length: > 0 } k ? k : null;
        var previous = root.TryGetProperty("previous", out var previousNode) && previousNode.ValueKind == JsonValueKind.String ? previousNode.GetString() : null;
        var evalCase = new EvalCase(question.GetString()!, expectedId, lineNumber)
        {
            Accept = Strings(path, lineNumber, root, "accept"),
            Both = both,
            Previous = string.IsNullOrWhiteSpace(previous) ? null : previous,
        };
        return kind is null ? evalCase with { Kind = evalCase.InScope ? EvalCase.PlainKind : EvalCase.OutOfScopeKind } : evalCase with { Kind = kind };
    }

    private static List<string> Strings(string path, int lineNumber, JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var node) || node.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (node.ValueKind != JsonValueKind.Array || node.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new FormatException($"{path}:{lineNumber}: {name} 应当是条目 id 的列表");
        }

        return node.EnumerateArray().Select(e => e.GetString()!).Select(id => id.StartsWith(NewEntryPrefix, StringComparison.Ordinal) ? id[NewEntryPrefix.Length..] : id).ToList();
    }
}
