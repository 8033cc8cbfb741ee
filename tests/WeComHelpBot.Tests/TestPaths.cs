namespace WeComHelpBot.Tests;

/// <summary>Content copied to the test output folder (see the csproj).</summary>
internal static class TestPaths
{
    public static string ValidKnowledge => Path.Combine(AppContext.BaseDirectory, "Knowledge", "Fixtures", "valid");

    public static string BrokenKnowledge => Path.Combine(AppContext.BaseDirectory, "Knowledge", "Fixtures", "broken");

    /// <summary>The real knowledge/ folder of the repository, linked into the output.</summary>
    public static string RealKnowledge => Path.Combine(AppContext.BaseDirectory, "knowledge");

    public static string RealEvalSet => Path.Combine(AppContext.BaseDirectory, "Knowledge", "kb-eval.jsonl");
}
