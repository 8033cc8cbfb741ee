using System.Text;
using MiniExcelLibs;

namespace WeComHelpBot.Cli.Tests.SupportCommands;

public sealed class MembersCommandTests : IDisposable
{
    private readonly CliRun cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task CleanFile_ExitsZero()
    {
        var file = Csv("ok.csv", "姓名,手机,部门\n张三,13812345678,销售部\n");

        var result = await cli.RunAsync("members", "check", file, "--entity", "企业");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("没有发现问题", result.Output);
    }

    [Fact]
    public async Task DuplicatePhonesInXlsx_ExitOne_WithRowNumbersAndTheFix()
    {
        var file = Path.Combine(cli.Folder, "members.xlsx");
        MiniExcel.SaveAs(file, new[]
        {
            new Dictionary<string, object> { ["姓名"] = "张三", ["手机号"] = "13812345678", ["部门"] = "销售部" },
            new Dictionary<string, object> { ["姓名"] = "李四", ["手机号"] = "13912345678", ["部门"] = "销售部" },
            new Dictionary<string, object> { ["姓名"] = "王五", ["手机号"] = "13812345678", ["部门"] = "财务部" },
        });

        var result = await cli.RunAsync("members", "check", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("第 2、4 行", result.Output);
        Assert.Contains("已停用", result.Output);
    }

    [Fact]
    public async Task SoleProprietorOverFifty_ExitsOne()
    {
        var text = new StringBuilder("姓名,手机,部门\n");
        for (var i = 0; i < 51; i++)
        {
            text.Append($"店员{i},1370000{i:0000},门店\n");
        }

        var result = await cli.RunAsync("members", "check", Csv("shop.csv", text.ToString()), "--entity", "个体工商户");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("50", result.Output);
    }

    [Fact]
    public async Task UnreadableFile_ExitsTwo_WithOneLine()
    {
        var file = Path.Combine(cli.Folder, "broken.xlsx");
        await File.WriteAllTextAsync(file, "not really excel");

        var result = await cli.RunAsync("members", "check", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("broken.xlsx", result.Error);
    }

    [Fact]
    public async Task ZipBomb_ExitsTwo_WithOneLine()
    {
        // One 30 MB cell zips to a few KB; unpacked it is past the 20 MB limit and is never handed to MiniExcel.
        var file = Path.Combine(cli.Folder, "bomb.xlsx");
        MiniExcel.SaveAs(file, new[] { new Dictionary<string, object> { ["姓名"] = new string('A', 30_000_000), ["手机"] = "13812345678", ["部门"] = "销售部" } });

        var result = await cli.RunAsync("members", "check", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("解压后超过 20 MB", result.Error);
    }

    [Fact]
    public async Task DevZero_ExitsTwo_InsteadOfReadingForEver()
    {
        var link = Path.Combine(cli.Folder, "zero.csv");
        File.CreateSymbolicLink(link, "/dev/zero");

        var result = await cli.RunAsync("members", "check", link);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("文件超过 2 MB", result.Error);
    }

    [Fact]
    public async Task OperatorsOwnFile_GetsTheWholeReport_NotTheChatCut()
    {
        var text = new StringBuilder("姓名,手机,部门\n");
        for (var i = 0; i < 30; i++)
        {
            text.Append($"店员{i},12{i},门店\n");
        }

        var result = await cli.RunAsync("members", "check", Csv("bad.csv", text.ToString()));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("30. ", result.Output);
        Assert.DoesNotContain("没有列出", result.Output);
    }

    [Fact]
    public async Task UnknownEntity_ExitsTwo()
    {
        var result = await cli.RunAsync("members", "check", Csv("ok.csv", "姓名,手机,部门\n"), "--entity", "合作社");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("合作社", result.Error);
    }

    private string Csv(string name, string content)
    {
        var path = Path.Combine(cli.Folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
