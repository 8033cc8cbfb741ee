using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WeComHelpBot.Cli;
using WeComHelpBot.LocalAccess;

namespace WeComHelpBot.Cli.Tests.SupportCommands;

/// <summary>
/// `wecomhelp tickets|stats|kb gaps` while the built server runs as a process of its own with the default settings
/// (the database opened Direct, so no other process can open the file), and after it stops.
/// </summary>
public sealed class SupportCommandsBesideServerTests : IAsyncLifetime
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "wecomhelpbot-local-access", Guid.NewGuid().ToString("N"));
    private Process? server;
    private readonly StringBuilder serverLog = new();

    public async Task InitializeAsync()
    {
        var dll = Path.Combine(RepositoryRoot(), "src", "WeComHelpBot.Server", "bin", BuildConfiguration, "net10.0", "WeComHelpBot.Server.dll");
        Assert.True(File.Exists(dll), $"build the server first: {dll}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", "http://127.0.0.1:0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Storage__Directory"] = data;
        start.Environment.Remove("Storage__Connection");
        server = Process.Start(start)!;
        server.OutputDataReceived += (_, e) => { lock (serverLog) serverLog.AppendLine(e.Data); };
        server.ErrorDataReceived += (_, e) => { lock (serverLog) serverLog.AppendLine(e.Data); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (LocalServerFile.TryRead(data) is null)
        {
            Assert.False(server.HasExited, $"the server stopped: {serverLog}");
            Assert.True(DateTime.UtcNow < deadline, $"no server.json after 60 s: {serverLog}");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        if (server is { HasExited: false })
        {
            server.Kill();
            await server.WaitForExitAsync();
        }

        server?.Dispose();
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task TicketsStatsAndGaps_WorkBesideTheRunningServer_AndFromTheFileAfterItStops()
    {
        var info = LocalServerFile.TryRead(data)!;
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(LocalServerFile.PathIn(data)));
        }

        using var http = new HttpClient { BaseAddress = new Uri(info.Url) };
        foreach (var text in new[] { "转人工", "打款三天了还没到", "某某科技有限公司", "13812345678" })
        {
            await SayAsync(http, "local-access-1", text);
        }

        await SayAsync(http, "local-access-2", "火星上怎么开分公司啊");

        // The server holds the file: opening it from here is refused, so what follows can only come from the server.
        var direct = await CliAsync("tickets", "list");
        Assert.Equal(0, direct.Code);
        var number = Assert.Single(direct.Output.Split('\n'), line => line.StartsWith('T')).Split('\t')[0];
        Assert.Contains("138****5678", direct.Output);
        Assert.Contains("某某科技有限公司", direct.Output);

        var show = await CliAsync("tickets", "show", number);
        Assert.Equal(0, show.Code);
        Assert.Contains("联系电话：13812345678", show.Output);

        var close = await CliAsync("tickets", "close", number);
        Assert.Equal(0, close.Code);
        Assert.Contains("已关闭", close.Output);

        var unknown = await CliAsync("tickets", "close", "T20990101-0009");
        Assert.Equal(2, unknown.Code);
        Assert.Equal("没有找到工单 T20990101-0009", unknown.Error.Trim());

        var stats = await CliAsync("stats", "--format", "json");
        Assert.Equal(0, stats.Code);
        using (var json = JsonDocument.Parse(stats.Output))
        {
            Assert.Equal(2, json.RootElement.GetProperty("total").GetProperty("conversations").GetInt32());
            Assert.Equal(1, json.RootElement.GetProperty("total").GetProperty("ticketsCreated").GetInt32());
        }

        var gaps = await CliAsync("kb", "gaps", "--format", "json");
        Assert.Equal(0, gaps.Code);
        Assert.Contains("火星上怎么开分公司啊", gaps.Output);

        // A clean stop removes server.json; the commands then open the file themselves and see what the server wrote.
        await StopServerAsync();
        Assert.False(File.Exists(LocalServerFile.PathIn(data)));
        var after = await CliAsync("tickets", "list", "--status", "closed");
        Assert.Equal(0, after.Code);
        Assert.Contains(number, after.Output);
    }

    [Fact]
    public async Task Users_AreAddedListedAndDisabled_BesideTheRunningServer_AndCanSignIn()
    {
        var add = await CliWithInputAsync("zhangsan-pass-1\n", "users", "add", "zhangsan", "--role", "lead");
        Assert.Equal(0, add.Code);
        Assert.Contains("zhangsan", add.Output);

        var taken = await CliWithInputAsync("another-pass-1\n", "users", "add", "zhangsan", "--role", "agent");
        Assert.Equal(2, taken.Code);
        Assert.Contains("已存在", taken.Error);

        var list = await CliAsync("users", "list");
        Assert.Equal(0, list.Code);
        Assert.Contains("zhangsan\t主管\t正常", list.Output);

        // The running server knows the account at once: it signs in to the console.
        var info = LocalServerFile.TryRead(data)!;
        using var http = new HttpClient { BaseAddress = new Uri(info.Url) };
        using (var login = await http.PostAsJsonAsync("/console/api/login", new { user = "zhangsan", password = "zhangsan-pass-1" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, login.StatusCode);
        }

        var disable = await CliAsync("users", "disable", "zhangsan");
        Assert.Equal(0, disable.Code);
        Assert.Contains("zhangsan\t主管\t已停用", (await CliAsync("users", "list")).Output);
        Assert.Equal(1, (await CliAsync("users", "disable", "nobody")).Code);
    }

    [Fact]
    public async Task ServerJsonWithAnotherToken_IsRefused_WithOneLineAndExitTwo()
    {
        var info = LocalServerFile.TryRead(data)!;
        LocalServerFile.Write(data, info with { Token = LocalAccessToken.Create() });

        var result = await CliAsync("tickets", "list");

        Assert.Equal(2, result.Code);
        Assert.Contains("访问令牌", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    private static string RepositoryRoot()
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

    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private Task<(int Code, string Output, string Error)> CliAsync(params string[] args) => CliWithInputAsync(string.Empty, args);

    private async Task<(int Code, string Output, string Error)> CliWithInputAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--data", data], output, error, new StringReader(input));
        return (code, output.ToString(), error.ToString());
    }

    private async Task StopServerAsync()
    {
        // SIGTERM, as systemd stops it, so the server runs its shutdown.
        using (var kill = Process.Start("kill", ["-TERM", server!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await server.WaitForExitAsync(timeout.Token);
    }

    private static async Task SayAsync(HttpClient http, string conversation, string text)
    {
        var activity = JsonSerializer.Serialize(new
        {
            type = "message",
            id = Guid.NewGuid().ToString("N"),
            channelId = "test",
            serviceUrl = "http://127.0.0.1:1",
            deliveryMode = "expectReplies",
            conversation = new { id = conversation },
            from = new { id = "user-" + conversation },
            recipient = new { id = "bot" },
            text,
        });
        using var response = await http.PostAsync("/api/messages", new StringContent(activity, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
