namespace WeComHelpBot.Server.Tests.Support;

/// <summary>
/// Tests that need something outside .NET (Chromium, node packages) skip with a clear message when it is missing
/// on a developer's machine, and fail under CI=true, where .ci/run must have installed it.
/// </summary>
internal static class Prerequisite
{
    public static bool RunningUnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Require(bool available, string what, string howToInstall)
    {
        if (available)
        {
            return;
        }

        var message = $"{what} is missing. {howToInstall}";
        if (RunningUnderCi)
        {
            Assert.Fail($"{message} (CI=true: .ci/run must install it.)");
        }

        Skip.If(true, message);
    }
}
