namespace WeComHelpBot.Bot;

/// <summary>Finds the repository's content folders so `dotnet run` works from the root or from a project folder.</summary>
public static class ContentLocator
{
    public static string Find(string folderName)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, folderName);
                if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "WeComHelpBot.sln")))
                {
                    return candidate;
                }
            }
        }

        return Path.GetFullPath(folderName);
    }
}
