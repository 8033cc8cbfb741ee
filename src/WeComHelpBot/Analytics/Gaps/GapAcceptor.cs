using System.Text;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Analytics.Gaps;

/// <summary>
/// Writes an accepted gap question into its entry's file (see <see cref="QuestionListEditor"/>), then loads the whole
/// knowledge folder again, as <c>kb validate</c> does. When the result would not load, or the entry does not read back
/// with the new question, the file is put back exactly as it was.
/// </summary>
public static class GapAcceptor
{
    public static GapAcceptResult Accept(string knowledgeDirectory, KnowledgeEntry entry, string question)
    {
        question = question.Trim();
        var original = File.ReadAllBytes(entry.SourceFile);
        var hasBom = original.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        var text = new UTF8Encoding(false, true).GetString(original, hasBom ? 3 : 0, original.Length - (hasBom ? 3 : 0));
        var edited = QuestionListEditor.AddQuestion(text, entry.Id, question);
        var bytes = Encoding.UTF8.GetBytes(edited);
        File.WriteAllBytes(entry.SourceFile, hasBom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);

        var reloaded = KnowledgeLoader.Load(knowledgeDirectory);
        var written = reloaded.Knowledge.Find(entry.Id);
        if (reloaded.IsValid && written is not null && written.Questions.Contains(question, StringComparer.Ordinal))
        {
            return new GapAcceptResult(true, reloaded, []);
        }

        File.WriteAllBytes(entry.SourceFile, original);
        var problems = reloaded.Problems.Select(p => p.ToString()).ToList();
        if (problems.Count == 0)
        {
            problems.Add($"{entry.SourceFile}: 写入后读回的条目 {entry.Id} 里没有这个示例问题");
        }

        return new GapAcceptResult(false, reloaded, problems);
    }
}
