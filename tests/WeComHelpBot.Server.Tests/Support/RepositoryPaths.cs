namespace WeComHelpBot.Server.Tests.Support;

/// <summary>Folders of the checkout the tests run from (found upward from the test assembly).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string InteropDirectory => Path.Combine(Root, "tests", "WeComHelpBot.Server.Tests", "interop");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WeComHelpBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run from a WeComHelpBot checkout (WeComHelpBot.sln not found).");
    }
}
