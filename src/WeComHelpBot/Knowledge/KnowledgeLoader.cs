namespace WeComHelpBot.Knowledge;

/// <summary>
/// Reads every *.yaml in the knowledge folder (synonyms.yaml holds the synonyms, out-of-scope.yaml the topics the bot
/// does not cover) and checks it against the schema in knowledge/README.md. Every problem is kept with its file and
/// line; nothing stops at the first one.
/// </summary>
public static class KnowledgeLoader
{
    public const string SynonymsFileName = "synonyms.yaml";
    public const string OutOfScopeFileName = "out-of-scope.yaml";
    public const string DecisionFileName = "decision.yaml";
    public const string AspectsFileName = "aspects.yaml";
    public const int MinQuestions = 5;
    public const int MinSection = 1;
    public const int MaxSection = 8;

    /// <param name="readDecision">False to leave decision.yaml out (`kb calibrate` refits it, also when it no longer fits the features).</param>
    public static KnowledgeLoadResult Load(string directory, bool readDecision = true)
    {
        var problems = new List<KnowledgeProblem>();
        var entries = new List<KnowledgeEntry>();
        var ids = new List<KnowledgeIdLocation>();
        if (!Directory.Exists(directory))
        {
            problems.Add(new KnowledgeProblem(directory, 0, "知识库目录不存在"));
            return new KnowledgeLoadResult(new KnowledgeBase([], SynonymMap.Empty), problems, 0);
        }

        var files = Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal).ToList();
        var synonymFile = files.FirstOrDefault(f => Path.GetFileName(f).Equals(SynonymsFileName, StringComparison.OrdinalIgnoreCase));
        var synonyms = synonymFile is null ? SynonymMap.Empty : SynonymFileReader.Load(synonymFile, problems);
        var outOfScopeFile = files.FirstOrDefault(f => Path.GetFileName(f).Equals(OutOfScopeFileName, StringComparison.OrdinalIgnoreCase));
        var outOfScopeTerms = outOfScopeFile is null ? [] : OutOfScopeFileReader.Load(outOfScopeFile, problems);
        var decisionFile = files.FirstOrDefault(f => Path.GetFileName(f).Equals(DecisionFileName, StringComparison.OrdinalIgnoreCase));
        var decision = decisionFile is null || !readDecision ? null : Decision.DecisionFileReader.Load(decisionFile, problems);
        var aspectsFile = files.FirstOrDefault(f => Path.GetFileName(f).Equals(AspectsFileName, StringComparison.OrdinalIgnoreCase));
        var aspects = aspectsFile is null ? [] : AspectFileReader.Load(aspectsFile, problems);
        foreach (var file in files.Where(f => f != synonymFile && f != outOfScopeFile && f != decisionFile && f != aspectsFile))
        {
            entries.AddRange(KnowledgeEntryReader.LoadEntries(file, problems, ids));
        }

        OutOfScopeFileReader.CheckAgainstEntries(outOfScopeFile, outOfScopeTerms, entries, problems);

        if (entries.Count == 0 && problems.Count == 0)
        {
            problems.Add(new KnowledgeProblem(directory, 0, "知识库里没有任何条目"));
        }

        KnowledgeCrossFileChecker.Check(entries, ids, problems);
        var valid = entries.GroupBy(e => e.Id, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var outOfScope = new OutOfScopeTerms(outOfScopeTerms.Select(t => t.Term), synonyms.Groups.SelectMany(g => g));
        return new KnowledgeLoadResult(new KnowledgeBase(valid, synonyms, outOfScope, decision) { Aspects = aspects }, problems, files.Count);
    }

    /// <summary>Loads and throws <see cref="KnowledgeLoadException"/> on any problem: the bot refuses to start with a broken file.</summary>
    public static KnowledgeBase LoadOrThrow(string directory)
    {
        var result = Load(directory);
        return result.IsValid ? result.Knowledge : throw new KnowledgeLoadException(result.Problems);
    }
}
