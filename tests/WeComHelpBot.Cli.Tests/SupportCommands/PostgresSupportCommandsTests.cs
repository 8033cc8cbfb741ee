using WeComHelpBot.Tickets;

namespace WeComHelpBot.Cli.Tests.SupportCommands;

/// <summary>
/// `wecomhelp users|tickets` with <c>Storage__Provider=Postgres</c> and <c>Storage__ConnectionString</c> in the
/// environment, as an administrator runs them beside servers on PostgreSQL: the built CLI as a process of its own (the
/// variables are the process's, so they cannot leak into the other tests of this run).
/// </summary>
public sealed class PostgresSupportCommandsTests : IAsyncLifetime
{
    private readonly CliProcesses cli = new("wecomhelp-cli-pg-tests");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [SkippableFact]
    public async Task UsersAndTickets_ReadAndWriteThePostgresDatabase_FromAnyDataFolder()
    {
        var number = await cli.SeedTicketAsync(
            Path.Combine(cli.Folder, "server"), new TicketRequest("conv-pg", "13812345678", "福州闽江小吃店", "对公打款验证超时", "三天没到账"));
        // Every process that reads tickets needs the key their contact phones were encrypted with (README, PostgreSQL).
        Directory.CreateDirectory(Path.Combine(cli.Folder, "other"));
        File.Copy(Path.Combine(cli.Folder, "server", "ticket-contact.key"), Path.Combine(cli.Folder, "other", "ticket-contact.key"));

        var added = await CliAsync(Path.Combine(cli.Folder, "admin"), "Lead-pass-2026\n", "users", "add", "laoli", "--role", "lead");
        var users = await CliAsync(Path.Combine(cli.Folder, "other"), string.Empty, "users", "list");
        var list = await CliAsync(Path.Combine(cli.Folder, "server"), string.Empty, "tickets", "list");
        var close = await CliAsync(Path.Combine(cli.Folder, "other"), string.Empty, "tickets", "close", number);
        var closed = await CliAsync(Path.Combine(cli.Folder, "server"), string.Empty, "tickets", "list", "--status", "closed");

        Assert.True(added.Code == 0, added.Error);
        Assert.Contains("laoli", users.Output);
        Assert.True(list.Code == 0, list.Error);
        Assert.Contains(number, list.Output);
        Assert.Contains("福州闽江小吃店", list.Output);
        Assert.True(close.Code == 0, close.Error);
        Assert.Contains(number, closed.Output);
    }

    private Task<(int Code, string Output, string Error)> CliAsync(string data, string input, params string[] args) =>
        CliProcesses.RunAsync(data, cli.PostgresEnvironment(), input, args);
}
