using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace WeComHelpBot.Knowledge;

/// <summary>
/// Reads every *.yaml in the knowledge folder (synonyms.yaml holds the synonyms) and checks it against the
/// schema in knowledge/README.md. Every problem is kept with its file and line; nothing stops at the first one.
/// </summary>
public static partial class KnowledgeLoader
{
    public const string SynonymsFileName = "synonyms.yaml";
    public const string OutOfScopeFileName = "out-of-scope.yaml";
    public const int MinQuestions = 5;
    public const int MinSection = 1;
    public const int MaxSection = 8;

    private static readonly HashSet<string> KnownFields =
        ["id", "title", "section", "reviewed", "tags", "questions", "answer", "related", "flow"];

    public static KnowledgeLoadResult Load(string directory)
    {
        var problems = new List<KnowledgeProblem>();
        var entries = new List<KnowledgeEntry>();
        var ids = new List<IdLocation>();
        if (!Directory.Exists(directory))
        {
            problems.Add(new KnowledgeProblem(directory, 0, "知识库目录不存在"));
            return new KnowledgeLoadResult(new KnowledgeBase([], SynonymMap.Empty), problems, 0);
        }

        var files = Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal).ToList();
        var synonymFile = files.FirstOrDefault(f => Path.GetFileName(f).Equals(SynonymsFileName, StringComparison.OrdinalIgnoreCase));
        var synonyms = synonymFile is null ? SynonymMap.Empty : LoadSynonyms(synonymFile, problems);
        var outOfScopeFile = files.FirstOrDefault(f => Path.GetFileName(f).Equals(OutOfScopeFileName, StringComparison.OrdinalIgnoreCase));
        var outOfScopeTerms = outOfScopeFile is null ? [] : LoadOutOfScopeTerms(outOfScopeFile, problems);
        foreach (var file in files.Where(f => f != synonymFile && f != outOfScopeFile))
        {
            entries.AddRange(LoadEntries(file, problems, ids));
        }

        CheckOutOfScopeTerms(outOfScopeFile, outOfScopeTerms, entries, problems);

        if (entries.Count == 0 && problems.Count == 0)
        {
            problems.Add(new KnowledgeProblem(directory, 0, "知识库里没有任何条目"));
        }

        CheckAcrossFiles(entries, ids, problems);
        var valid = DistinctById(entries);
        var outOfScope = new OutOfScopeTerms(outOfScopeTerms.Select(t => t.Term));
        return new KnowledgeLoadResult(new KnowledgeBase(valid, synonyms, outOfScope), problems, files.Count);
    }

    /// <summary>Loads and throws <see cref="KnowledgeLoadException"/> on any problem: the bot refuses to start with a broken file.</summary>
    public static KnowledgeBase LoadOrThrow(string directory)
    {
        var result = Load(directory);
        return result.IsValid ? result.Knowledge : throw new KnowledgeLoadException(result.Problems);
    }

    /// <param name="ids">Every id seen, valid entry or not, as (file, line, id): duplicates are found among all of them.</param>
    private static List<KnowledgeEntry> LoadEntries(string file, List<KnowledgeProblem> problems, List<IdLocation> ids)
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
                ids.Add(new IdLocation(file, Line(entryNode), id.Trim()));
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

        if (questions is not null && questions.Count < MinQuestions)
        {
            problems.Add(new KnowledgeProblem(file, LineOf(node, "questions"), $"条目 {label} 只有 {questions.Count} 个示例问题，至少要 {MinQuestions} 个"));
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

        return new KnowledgeEntry(id, title.Trim(), section.Value, reviewed.Value, tags ?? [], questions, answer, related ?? [], flow, file, line);
    }

    private static int? ReadSection(string file, YamlMappingNode node, List<KnowledgeProblem> problems, string label)
    {
        var text = RequiredScalar(file, node, "section", problems, label);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var section) && section is >= MinSection and <= MaxSection)
        {
            return section;
        }

        problems.Add(new KnowledgeProblem(file, LineOf(node, "section"), $"条目 {label} 的 section “{text}” 应当是 {MinSection} 到 {MaxSection} 的整数（指南的章节）"));
        return null;
    }

    private static DateOnly? ReadReviewed(string file, YamlMappingNode node, List<KnowledgeProblem> problems, string label)
    {
        var text = RequiredScalar(file, node, "reviewed", problems, label);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(new KnowledgeProblem(file, LineOf(node, "reviewed"), $"条目 {label} 的 reviewed “{text}” 不是 YYYY-MM-DD 格式的日期"));
        return null;
    }

    private static string? RequiredScalar(string file, YamlMappingNode node, string field, List<KnowledgeProblem> problems, string? label = null)
    {
        if (!TryGet(node, field, out var value))
        {
            problems.Add(new KnowledgeProblem(file, Line(node), label is null ? $"条目缺少字段 {field}" : $"条目 {label} 缺少字段 {field}"));
            return null;
        }

        if (value is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
        {
            problems.Add(new KnowledgeProblem(file, Line(value), label is null ? $"字段 {field} 应当是一段非空文字" : $"条目 {label} 的 {field} 应当是一段非空文字"));
            return null;
        }

        return scalar.Value;
    }

    private static string? OptionalScalar(string file, YamlMappingNode node, string field, List<KnowledgeProblem> problems, string label)
    {
        if (!TryGet(node, field, out var value) || value is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        if (value is YamlScalarNode scalar)
        {
            return scalar.Value!.Trim();
        }

        problems.Add(new KnowledgeProblem(file, Line(value), $"条目 {label} 的 {field} 应当是一段文字"));
        return null;
    }

    private static List<string>? ReadList(string file, YamlMappingNode node, string field, bool required, List<KnowledgeProblem> problems, string label)
    {
        if (!TryGet(node, field, out var value))
        {
            if (required)
            {
                problems.Add(new KnowledgeProblem(file, Line(node), $"条目 {label} 缺少字段 {field}"));
                return null;
            }

            return [];
        }

        if (value is YamlScalarNode { Value: null or "" } && !required)
        {
            return [];
        }

        if (value is not YamlSequenceNode sequence)
        {
            problems.Add(new KnowledgeProblem(file, Line(value), $"条目 {label} 的 {field} 应当是一个列表"));
            return null;
        }

        var items = new List<string>();
        foreach (var child in sequence.Children)
        {
            if (child is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
            {
                items.Add(text.Trim());
            }
            else
            {
                problems.Add(new KnowledgeProblem(file, Line(child), $"条目 {label} 的 {field} 里有一项是空的或不是文字"));
            }
        }

        return items;
    }

    private static void CheckAcrossFiles(List<KnowledgeEntry> entries, List<IdLocation> ids, List<KnowledgeProblem> problems)
    {
        var first = new Dictionary<string, IdLocation>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!first.TryAdd(id.Id, id))
            {
                var original = first[id.Id];
                problems.Add(new KnowledgeProblem(id.File, id.Line, $"id {id.Id} 重复了（第一次出现在 {original.File}:{original.Line}）"));
            }
        }

        foreach (var entry in entries)
        {
            foreach (var related in entry.Related)
            {
                if (!first.ContainsKey(related))
                {
                    problems.Add(new KnowledgeProblem(entry.SourceFile, entry.Line, $"条目 {entry.Id} 的 related 里的 {related} 不存在"));
                }
                else if (related == entry.Id)
                {
                    problems.Add(new KnowledgeProblem(entry.SourceFile, entry.Line, $"条目 {entry.Id} 的 related 指向了它自己"));
                }
            }
        }
    }

    private static List<KnowledgeEntry> DistinctById(List<KnowledgeEntry> entries) =>
        entries.GroupBy(e => e.Id, StringComparer.Ordinal).Select(g => g.First()).ToList();

    private static SynonymMap LoadSynonyms(string file, List<KnowledgeProblem> problems)
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

        var result = new List<IReadOnlyList<string>>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var groupNode in groups.Children)
        {
            if (groupNode is not YamlSequenceNode group || group.Children.Any(c => c is not YamlScalarNode { Value: { Length: > 0 } }))
            {
                problems.Add(new KnowledgeProblem(file, Line(groupNode), "每组同义词应当是一个文字列表，例如 [法定代表人, 法人]"));
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

        return new SynonymMap(result);
    }

    private static List<(string Term, int Line)> LoadOutOfScopeTerms(string file, List<KnowledgeProblem> problems)
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
    private static void CheckOutOfScopeTerms(string? file, List<(string Term, int Line)> terms, List<KnowledgeEntry> entries, List<KnowledgeProblem> problems)
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

    private static YamlNode? ReadRoot(string file, List<KnowledgeProblem> problems)
    {
        try
        {
            using var reader = new StreamReader(file);
            var stream = new YamlStream();
            stream.Load(reader);
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
    }

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

    private static bool TryGet(YamlMappingNode node, string key, out YamlNode value)
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

    private static int LineOf(YamlMappingNode node, string key) => TryGet(node, key, out var value) ? Line(value) : Line(node);

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private readonly record struct IdLocation(string File, int Line, string Id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
