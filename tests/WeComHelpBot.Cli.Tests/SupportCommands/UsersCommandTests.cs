using LiteDB;
using WeComHelpBot.Storage.LiteDb;
using TopLevelCli = WeComHelpBot.Cli.Tests.CliRun;

namespace WeComHelpBot.Cli.Tests.SupportCommands;

public sealed class UsersCommandTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "wecomhelp-users-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task UsersAdd_ReadsThePasswordFromStdin_AndStoresOnlyASaltedHash()
    {
        var added = await TopLevelCli.RunAsync(["users", "add", "xiaowang", "--role", "agent"], input: "Secret-pass1\n", data: data);

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("已创建账号 xiaowang（客服）", added.Output);
        using var database = new LiteDatabase($"Filename={Path.Combine(data, "wecomhelpbot.db")};Connection=shared");
        var stored = database.GetCollection(LiteDbDeskAccountStore.CollectionName).FindAll().Single()["json"].AsString;
        Assert.DoesNotContain("Secret-pass1", stored);
        Assert.Contains("pbkdf2-sha512$", stored);
    }

    [Fact]
    public async Task UsersList_ShowsRoleAndDisabledState()
    {
        await TopLevelCli.RunAsync(["users", "add", "laoli", "--role", "lead"], input: "Lead-pass-22\n", data: data);
        await TopLevelCli.RunAsync(["users", "add", "xiaowang", "--role", "agent"], input: "Agent-pass-22\n", data: data);
        var disabled = await TopLevelCli.RunAsync(["users", "disable", "xiaowang"], data: data);

        var list = await TopLevelCli.RunAsync(["users", "list"], data: data);

        Assert.Equal(0, disabled.ExitCode);
        Assert.Contains(list.OutputLines, l => l.StartsWith("laoli\t主管\t正常", StringComparison.Ordinal));
        Assert.Contains(list.OutputLines, l => l.StartsWith("xiaowang\t客服\t已停用", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "请从标准输入给出密码")]
    [InlineData("short\n", "密码至少 8 位")]
    public async Task UsersAdd_RefusesAMissingOrShortPassword(string input, string message)
    {
        var run = await TopLevelCli.RunAsync(["users", "add", "xiaowang", "--role", "agent"], input: input, data: data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public async Task UsersAdd_RefusesATakenName()
    {
        await TopLevelCli.RunAsync(["users", "add", "xiaowang", "--role", "agent"], input: "Agent-pass-22\n", data: data);

        var again = await TopLevelCli.RunAsync(["users", "add", "XiaoWang", "--role", "lead"], input: "Other-pass-22\n", data: data);

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("已存在", again.Error);
    }

    [Fact]
    public async Task UsersDisable_UnknownName_ExitsOne()
    {
        var run = await TopLevelCli.RunAsync(["users", "disable", "nobody"], data: data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("没有账号 nobody", run.Error);
    }
}
