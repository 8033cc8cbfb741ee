using System.Text.Json;

namespace WeComHelpBot.Knowledge.Evaluation;

/// <summary>Reads kb-eval JSON lines: {"question":"…","expected":"entry-id"} or {"question":"…","expected":null}. Blank lines are skipped.</summary>
public static class EvalCaseReader
{
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

        return new EvalCase(question.GetString()!, expected.ValueKind == JsonValueKind.Null ? null : expected.GetString(), lineNumber);
    }
}
