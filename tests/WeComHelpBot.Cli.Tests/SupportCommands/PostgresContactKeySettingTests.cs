using System.Security.Cryptography;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Cli.Tests.SupportCommands;

/// <summary>
/// Processes sharing one PostgreSQL database, each with its own data cli.Folder, read each other's tickets when they are
/// given the same Tickets__ContactKey: no key file copied by hand. This test process writes the ticket; `wecomhelp`,
/// a process of its own with another data cli.Folder, reads it (and one without the key is refused).
/// </summary>
public sealed class PostgresContactKeySettingTests : IAsyncLifetime
{
    private readonly CliProcesses cli = new("wecomhelp-cli-pg-key-tests");
    private readonly string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [SkippableFact]
    public async Task TwoDataFolders_WithTheSameConfiguredKey_ReadEachOthersTickets()
    {
        var writer = Path.Combine(cli.Folder, "server-a");
        var number = await cli.SeedTicketAsync(
            writer, new TicketRequest("conv-pg-key", "13812345678", "厦门鹭岛茶行", "营业执照认证失败", "上传了三次都不行"), key);

        var shown = await CliAsync(Path.Combine(cli.Folder, "server-b"), key, "tickets", "show", number);
        var closed = await CliAsync(Path.Combine(cli.Folder, "server-b"), key, "tickets", "close", number);
        var withoutKey = await CliAsync(Path.Combine(cli.Folder, "server-c"), null, "tickets", "show", number);

        Assert.True(shown.Code == 0, shown.Error);
        Assert.Contains("13812345678", shown.Output);
        Assert.True(closed.Code == 0, closed.Error);
        Assert.False(File.Exists(Path.Combine(writer, "ticket-contact.key")), "the configured key must win over a data-folder file");
        Assert.False(File.Exists(Path.Combine(cli.Folder, "server-b", "ticket-contact.key")));
        Assert.Equal(2, withoutKey.Code);
        Assert.DoesNotContain(key, shown.Output + shown.Error + withoutKey.Error);
    }

    private Task<(int Code, string Output, string Error)> CliAsync(string data, string? contactKey, params string[] args) =>
        CliProcesses.RunAsync(data, cli.PostgresEnvironment(contactKey), string.Empty, args);
}
