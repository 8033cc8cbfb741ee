using System.Text;
using MiniExcelLibs;
using WeComHelpBot.Members;
using WeComHelpBot.Privacy;
using WeComHelpBot.Tests.Storage;

namespace WeComHelpBot.Tests.Members;

public sealed class MemberImportCheckerTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly MemberImportChecker checker = new(new PersonalDataMasker(), new MemberFileOptions());

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task CleanXlsx_HasNoProblems()
    {
        var file = Xlsx("ok.xlsx", ["姓名", "手机", "部门"], ["张三", "13812345678", "销售部"], ["李四", "13912345678", "财务部"]);

        var report = await checker.CheckFileAsync(file, MemberEntityType.Enterprise);

        Assert.True(report.IsClean, MemberCheckReportFormatter.ToText(report));
        Assert.Equal(2, report.MemberCount);
        Assert.Equal(1, report.HeaderRow);
    }

    [Fact]
    public async Task DuplicatePhones_AreReportedWithEverySpreadsheetRow()
    {
        var file = Xlsx("dup.xlsx", ["姓名", "手机号码", "部门名称"],
            ["张三", "13812345678", "销售部"],
            ["李四", "13912345678", "财务部"],
            ["王五", "138 1234 5678", "销售部"],
            ["赵六", "13912345678", "行政部"],
            ["钱七", "13812345678", "行政部"]);

        var report = await checker.CheckFileAsync(file);

        var duplicates = report.Problems.Where(p => p.Kind == MemberProblemKind.DuplicatePhone).ToList();
        Assert.Equal(2, duplicates.Count);
        Assert.Equal([2, 4, 6], duplicates[0].Rows);
        Assert.Equal([3, 5], duplicates[1].Rows);
        Assert.Contains("第 2、4、6 行", duplicates[0].Message);
        Assert.Contains("已停用", duplicates[0].Fix);
        Assert.Contains("重新导入模板", duplicates[0].Fix);
        Assert.DoesNotContain("13812345678", MemberCheckReportFormatter.ToText(report));
    }

    [Fact]
    public async Task RowNumbers_CountNotesAboveTheHeader_AndEmptyRows()
    {
        var path = folder.File("template.xlsx");
        var rows = new List<Dictionary<string, object?>>
        {
            Row("说明：带*的为必填项", null, null),
            Row("姓名*", "手机(必填)", "部门"),
            Row("张三", 13812345678d, "销售部"),
            Row(null, null, null),
            Row("", "13912345678", "销售部"),
            Row("王五", "1391234567", "销售部"),
        };
        MiniExcel.SaveAs(path, rows, printHeader: false);

        var report = await checker.CheckFileAsync(path);

        Assert.Equal(2, report.HeaderRow);
        Assert.Equal(3, report.MemberCount);
        Assert.Equal([5], Assert.Single(report.Problems, p => p.Kind == MemberProblemKind.EmptyName).Rows);
        var invalid = Assert.Single(report.Problems, p => p.Kind == MemberProblemKind.InvalidPhone);
        Assert.Equal([6], invalid.Rows);
        Assert.Contains("10 位", invalid.Message);
    }

    [Fact]
    public async Task MissingColumn_IsNamed()
    {
        var file = Csv("nodept.csv", "姓名,手机号\n张三,13812345678\n");

        var report = await checker.CheckFileAsync(file);

        var missing = Assert.Single(report.Problems);
        Assert.Equal(MemberProblemKind.MissingColumn, missing.Kind);
        Assert.Contains("部门", missing.Message);
        Assert.Equal([1], missing.Rows);
    }

    [Fact]
    public async Task Csv_InUtf8WithBom_AndInGbk_AreBothRead()
    {
        const string content = "姓名,手机,部门\r\n张三,13812345678,销售部\r\n李四,13812345678,销售部\r\n";
        var utf8 = folder.File("utf8.csv");
        await File.WriteAllTextAsync(utf8, content, new UTF8Encoding(true));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = folder.File("gbk.csv");
        await File.WriteAllBytesAsync(gbk, Encoding.GetEncoding("GB18030").GetBytes(content));

        foreach (var file in new[] { utf8, gbk })
        {
            var report = await checker.CheckFileAsync(file);
            Assert.Equal([2, 3], Assert.Single(report.Problems).Rows);
        }
    }

    [Fact]
    public async Task ScientificNotation_GetsItsOwnFix()
    {
        var file = Csv("sci.csv", "姓名,手机,部门\n张三,1.38123E+10,销售部\n");

        var report = await checker.CheckFileAsync(file);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(MemberProblemKind.InvalidPhone, problem.Kind);
        Assert.Contains("文本", problem.Fix);
    }

    [Theory]
    [InlineData(MemberEntityType.SoleProprietor, 51, true)]
    [InlineData(MemberEntityType.SoleProprietor, 50, false)]
    [InlineData(MemberEntityType.Enterprise, 201, true)]
    [InlineData(MemberEntityType.Enterprise, 200, false)]
    public async Task EntityMemberLimit_IsChecked(MemberEntityType entity, int members, bool overLimit)
    {
        var file = Csv($"limit-{entity}-{members}.csv", MembersCsv(members));

        var report = await checker.CheckFileAsync(file, entity);

        Assert.Equal(overLimit, report.Problems.Any(p => p.Kind == MemberProblemKind.OverMemberLimit));
        Assert.Equal(overLimit, !report.IsClean);
    }

    [Fact]
    public async Task Government_UsesTheStaffQuotaWhenGiven()
    {
        var file = Csv("gov.csv", MembersCsv(30));

        var withoutQuota = await checker.CheckFileAsync(file, MemberEntityType.GovernmentOrInstitution);
        var withQuota = await checker.CheckFileAsync(file, MemberEntityType.GovernmentOrInstitution, staffQuota: 20);

        Assert.True(withoutQuota.IsClean);
        Assert.Contains(withoutQuota.Notes, n => n.Contains("编制"));
        Assert.Contains("编制规模 20 人", Assert.Single(withQuota.Problems).Message);
    }

    [Fact]
    public async Task MoreThanAThousandRows_AskToSplitTheFile()
    {
        var file = Csv("big.csv", MembersCsv(2001));

        var report = await checker.CheckFileAsync(file);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(MemberProblemKind.BatchTooLarge, problem.Kind);
        Assert.Contains("拆成 3 个", problem.Fix);
    }

    [Theory]
    [InlineData("notes.txt", "hello")]
    [InlineData("broken.xlsx", "this is not a zip file")]
    public async Task UnreadableFiles_ThrowWithTheFileName(string name, string content)
    {
        var file = folder.File(name);
        await File.WriteAllTextAsync(file, content);

        var error = await Assert.ThrowsAsync<MemberFileReadException>(() => checker.CheckFileAsync(file));

        Assert.Contains(name, error.Message);
    }

    [Fact]
    public async Task MissingFile_ThrowsWithTheFileName()
    {
        var error = await Assert.ThrowsAsync<MemberFileReadException>(() => checker.CheckFileAsync(folder.File("nope.xlsx")));

        Assert.Contains("nope.xlsx", error.Message);
    }

    [Theory]
    [InlineData("企业", MemberEntityType.Enterprise)]
    [InlineData("个体工商户", MemberEntityType.SoleProprietor)]
    [InlineData("个体户", MemberEntityType.SoleProprietor)]
    [InlineData("政府事业单位", MemberEntityType.GovernmentOrInstitution)]
    [InlineData("政府/事业单位", MemberEntityType.GovernmentOrInstitution)]
    public void EntityNames_Parse(string text, MemberEntityType expected)
    {
        Assert.True(MemberImportChecker.TryParseEntity(text, out var entity));
        Assert.Equal(expected, entity);
    }

    private static string MembersCsv(int count)
    {
        var text = new StringBuilder("姓名,手机,部门\n");
        for (var i = 0; i < count; i++)
        {
            text.Append($"成员{i},1380000{i:0000},部门{i % 3}\n");
        }

        return text.ToString();
    }

    private static Dictionary<string, object?> Row(object? a, object? b, object? c) => new() { ["A"] = a, ["B"] = b, ["C"] = c };

    private string Xlsx(string name, string[] header, params string[][] rows)
    {
        var path = folder.File(name);
        var data = rows.Select(r => header.Select((h, i) => (h, v: (object?)r[i])).ToDictionary(x => x.h, x => x.v)).ToList();
        MiniExcel.SaveAs(path, data);
        return path;
    }

    private string Csv(string name, string content)
    {
        var path = folder.File(name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
