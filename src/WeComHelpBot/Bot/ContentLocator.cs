namespace WeComHelpBot.Bot;

/// <summary>
/// The folder that relative content and data paths resolve against: the repository root when the program runs from a
/// source checkout (its binaries sit below a folder holding WeComHelpBot.sln), otherwise the program's own folder, where
/// <c>dotnet publish</c> puts knowledge/, dialogs/ and wwwroot/. The working directory plays no part, so a published
/// server started from any folder finds its content.
/// </summary>
public static class ContentLocator
{
    public const string SolutionFile = "WeComHelpBot.sln";

    private static readonly string? SourceTree = RepositoryRoot();

    /// <summary>The repository root in a checkout, else the application's folder.</summary>
    public static string Root { get; } = SourceTree ?? Path.GetFullPath(AppContext.BaseDirectory);

    /// <summary>True when the program runs from a source checkout rather than a published folder.</summary>
    public static bool InSourceTree => SourceTree is not null;

    /// <summary><paramref name="path"/> itself when rooted, else resolved against <see cref="Root"/>.</summary>
    public static string Find(string path) => Path.GetFullPath(Path.Combine(Root, path));

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
