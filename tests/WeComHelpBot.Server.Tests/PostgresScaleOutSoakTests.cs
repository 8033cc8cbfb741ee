using WeComHelpBot.Bench;
using WeComHelpBot.Tests.Storage;

namespace WeComHelpBot.Server.Tests;

/// <summary>
/// The scale-out soak of bench/ (ScaleOutSoak), briefly: two real server processes on one PostgreSQL schema,
/// conversations alternating between them turn by turn, one process killed with SIGKILL mid-way and restarted on its
/// port. Not timed; every turn the clients know was saved must be in the state once, none twice, flows where they
/// should be.
/// </summary>
public sealed class PostgresScaleOutSoakTests
{
    [SkippableFact]
    public async Task SoakWithOneProcessKilledAndRestarted_LosesMixesAndDoublesNothing()
    {
        var postgres = PostgresTestDatabase.RequireServer();
        var output = new StringWriter();
        var settings = new ScaleOutSoakSettings(
            Path.Combine(AppContext.BaseDirectory, "WeComHelpBot.Server.dll"),
            postgres,
            Processes: 2,
            Duration: TimeSpan.FromSeconds(10),
            KillAt: TimeSpan.FromSeconds(3),
            Conversations: 6);

        var result = await ScaleOutSoak.RunAsync(settings, output);

        var report = output.ToString();
        Assert.True(result.Passed, report);
        Assert.Equal((0, 0, 0, 0), (result.Lost, result.Mixed, result.DoubleApplied, result.Undelivered));
        Assert.Contains("killed with SIGKILL", report, StringComparison.Ordinal);
        Assert.Contains("healthy again", report, StringComparison.Ordinal);

        // The kill must have hit the load: turns sent to the dead process went unanswered and were settled from the
        // database (saved, or sent again to the other process), and the walk went on after the restart.
        Assert.True(result.Resent + result.SettledWithoutReply > 0, report);
        Assert.True(result.Committed > result.Conversations * BenchConversation.Walk.Length, report);
    }
}
