using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Privacy;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Cli.Tests.SupportCommands;

public sealed class TicketsCommandTests : IDisposable
{
    private readonly CliRun cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task TicketMadeByTheBot_ShowsUpInListAndShow_WithItsContext()
    {
        var number = await SeedTicketAsync();

        var list = await cli.RunAsync("tickets", "list");
        var show = await cli.RunAsync("tickets", "show", number);

        Assert.Equal(0, list.ExitCode);
        Assert.Contains(number, list.Output);
        Assert.Contains("138****5678", list.Output);
        Assert.Contains("某某科技有限公司", list.Output);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("联系电话：13812345678", show.Output);
        Assert.Contains("用户：打款三天了还没到，账号6222***********4567", show.Output);
        Assert.Contains("bank_receipt：有", show.Output);
    }

    [Fact]
    public async Task Close_ThenListOpen_LeavesItOut()
    {
        var number = await SeedTicketAsync();

        var close = await cli.RunAsync("tickets", "close", number);
        var open = await cli.RunAsync("tickets", "list", "--status", "open");

        Assert.Equal(0, close.ExitCode);
        Assert.Contains("已关闭", close.Output);
        Assert.Equal("没有工单。", open.Output.Trim());
    }

    [Fact]
    public async Task UnknownTicket_ExitsTwo_WithOneLine()
    {
        var show = await cli.RunAsync("tickets", "show", "T20990101-0009");
        var close = await cli.RunAsync("tickets", "close", "T20990101-0009");

        Assert.Equal(2, show.ExitCode);
        Assert.Equal(2, close.ExitCode);
        Assert.Equal("没有找到工单 T20990101-0009", show.Error.Trim());
    }

    [Fact]
    public async Task ExportCsv_WritesAFileExcelCanRead()
    {
        var number = await SeedTicketAsync();
        var file = Path.Combine(cli.Folder, "tickets.csv");

        var result = await cli.RunAsync("tickets", "export", "--format", "csv", "--output", file);

        Assert.Equal(0, result.ExitCode);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var reader = new CsvReader(new StreamReader(file), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(number, row["工单号"]);
        Assert.Equal("13812345678", row["联系电话"]);
        Assert.Contains("账号6222***********4567", (string)row["最近对话"]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1+2")]
    [InlineData("-1+2")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1+2")]
    [InlineData("\r=1+2")]
    public async Task ExportCsv_PrefixesAFormulaCell_WithAQuote(string attack)
    {
        // The company name is trimmed when a ticket is made, so a leading tab or CR comes in through the source.
        await SeedTicketAsync(company: attack.Trim(), source: attack);
        var file = Path.Combine(cli.Folder, "tickets.csv");

        var result = await cli.RunAsync("tickets", "export", "--format", "csv", "--output", file);

        Assert.Equal(0, result.ExitCode);
        var row = Assert.Single(ReadCsv(file));
        Assert.Equal("'" + attack.Trim(), row["企业名称"]);
        Assert.Equal("'" + attack, row["来源"]);
        // The ticket number, time and phone are cells of ours: they stay as they are.
        Assert.Equal("13812345678", row["联系电话"]);
    }

    [Fact]
    public async Task ExportJson_ToStdout_ParsesBack()
    {
        var number = await SeedTicketAsync();

        var result = await cli.RunAsync("tickets", "export", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var ticket = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(number, ticket.GetProperty("number").GetString());
        Assert.Equal("open", ticket.GetProperty("status").GetString());
        Assert.Equal(2, ticket.GetProperty("recentTurns").GetArrayLength());
    }

    [Fact]
    public async Task ExportWithoutFormat_IsBadUsage()
    {
        var result = await cli.RunAsync("tickets", "export");

        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public async Task DamagedDatabase_ExitsTwo_NamingTheFile_AndLeavesItAlone()
    {
        Directory.CreateDirectory(cli.DataDirectory);
        var junk = Enumerable.Range(0, 20000).Select(i => (byte)(i * 7)).ToArray();
        await File.WriteAllBytesAsync(cli.DatabaseFile, junk);

        var result = await cli.RunAsync("tickets", "list");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Path.GetFullPath(cli.DatabaseFile), line);
        Assert.Equal(junk, await File.ReadAllBytesAsync(cli.DatabaseFile));
    }

    private static List<IDictionary<string, object>> ReadCsv(string file)
    {
        using var reader = new CsvReader(new StreamReader(file), CultureInfo.InvariantCulture);
        return reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
    }

    private async Task<string> SeedTicketAsync(string company = "某某科技有限公司", string? source = null)
    {
        var number = string.Empty;
        await cli.SeedAsync(async services =>
        {
            var transcripts = services.GetRequiredService<TranscriptStore>();
            var now = DateTimeOffset.UtcNow;
            await transcripts.AppendAsync(new TranscriptEntry("conv-1", "test", now, TranscriptDirection.Incoming, "打款三天了还没到，账号6222020200001234567"));
            await transcripts.AppendAsync(new TranscriptEntry("conv-1", "test", now.AddSeconds(1), TranscriptDirection.Outgoing, "我帮您转人工。"));
            var ticket = await services.GetRequiredService<TicketService>().CreateAsync(
                new TicketRequest("conv-1", "13812345678", company, "对公打款验证超时", "三天没到账")
                {
                    Answers = new Dictionary<string, string> { ["bank_receipt"] = "有" },
                    Source = source,
                });
            number = ticket.Number;
        });
        return number;
    }
}
