using WeComHelpBot.Bot;

namespace WeComHelpBot.Analytics.Gaps;

/// <summary>The check a knowledge change from the console must pass before it is kept (section "Gaps").</summary>
public sealed class GapEditorOptions
{
    /// <summary>The labelled questions of the eval (kb-eval.jsonl); published servers carry a copy in eval/.</summary>
    public string EvalSet { get; set; } = DefaultEvalSet();

    /// <summary>The eval's own bar (KnowledgeEvalTests): top-1 on in-scope questions.</summary>
    public double MinTop1 { get; set; } = 0.90;

    /// <summary>The eval's own bar: out-of-scope questions not answered.</summary>
    public double MinRejection { get; set; } = 0.90;

    /// <summary>The file in knowledge/ that new entries drafted in the console go to.</summary>
    public string NewEntriesFile { get; set; } = "console.yaml";

    private static string DefaultEvalSet() => ContentLocator.InSourceTree
        ? ContentLocator.Find(Path.Combine("tests", "WeComHelpBot.Tests", "Knowledge", "kb-eval.jsonl"))
        : ContentLocator.Find(Path.Combine("eval", "kb-eval.jsonl"));
}
