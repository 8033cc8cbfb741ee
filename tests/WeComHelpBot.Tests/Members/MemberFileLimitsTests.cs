using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using WeComHelpBot.Members;
using WeComHelpBot.Privacy;
using WeComHelpBot.Tests.Storage;

namespace WeComHelpBot.Tests.Members;

/// <summary>What a stranger's member file can cost is bounded: bytes, rows, cells, unzipped size, columns and the reply.</summary>
[Collection(AllocationMeasuringCollection.Name)]
public sealed class MemberFileLimitsTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly MemberFileOptions limits = new();
    private readonly MemberImportChecker checker;

    public MemberFileLimitsTests()
    {
        checker = new MemberImportChecker(new PersonalDataMasker(), limits);
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Xlsx_Of80000Rows_ReadsTheFirst20000_AndSaysItWasCutOff()
    {
        var path = ManyRowsXlsx(80_000);

        var report = await checker.CheckFileAsync(path);

        Assert.Equal(20_000, report.MemberCount);
        Assert.Equal(20_000, report.TruncatedAtRows);
        Assert.Contains(report.Notes, n => n.Contains("只检查了前 20000 行", StringComparison.Ordinal));
        Assert.All(report.Problems.SelectMany(p => p.Rows), row => Assert.True(row <= 20_001));
    }

    [Fact]
    public async Task Csv_Of80000Rows_IsCutOffToo()
    {
        var text = new StringBuilder("姓名,手机,部门\n");
        for (var i = 0; i < 80_000; i++)
        {
            text.Append(",1,\n");
        }

        var report = await checker.CheckAsync(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), "big.csv");

        Assert.Equal(20_000, report.MemberCount);
        Assert.Equal(20_000, report.TruncatedAtRows);
    }

    [Fact]
    public async Task AFileUnderTheLimits_IsNotCutOff()
    {
        var report = await checker.CheckFileAsync(ManyRowsXlsx(1_200));

        Assert.Equal(1_200, report.MemberCount);
        Assert.Null(report.TruncatedAtRows);
        Assert.Contains("共 1200 名成员", MemberCheckReportFormatter.ToText(report));
    }

    [Fact]
    public async Task ProblemOnManyRows_ListsTwentyRowNumbersAndTheCount()
    {
        var report = await checker.CheckFileAsync(ManyRowsXlsx(5_000));

        var emptyNames = Assert.Single(report.Problems, p => p.Kind == MemberProblemKind.EmptyName);
        Assert.Equal(5_000, emptyNames.Rows.Count);
        Assert.StartsWith("第 2、3、4、", emptyNames.Message, StringComparison.Ordinal);
        Assert.Contains("、21 等共 5000 行姓名为空", emptyNames.Message, StringComparison.Ordinal);
        Assert.True(emptyNames.Message.Length < 200, emptyNames.Message);
    }

    [Fact]
    public async Task ChatReply_ListsAtMost20Problems_CountsTheRest_AndStaysUnder4000Characters()
    {
        var report = await checker.CheckFileAsync(ManyRowsXlsx(80_000));
        Assert.True(report.Problems.Count > 1_000);

        var reply = MemberCheckReportFormatter.ToChatText(report, limits);

        Assert.True(reply.Length <= 4_000, $"{reply.Length} characters");
        Assert.True(CountListed(reply) <= 20, reply);
        Assert.Contains($"另有 {report.Problems.Count - CountListed(reply)} 个问题没有列出（", reply, StringComparison.Ordinal);
        Assert.Contains("手机号格式不对", reply, StringComparison.Ordinal);
        Assert.Contains("只检查了前 20000 行", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_IsOneShortLineWithoutRowData()
    {
        var report = await checker.CheckFileAsync(ManyRowsXlsx(80_000));

        var summary = MemberCheckReportFormatter.ToSummary(report);

        Assert.True(summary.Length <= 300, summary);
        Assert.DoesNotContain('\n', summary);
        Assert.Contains("只读了前 20000 行", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerminalReport_StillListsEveryProblem()
    {
        var report = await checker.CheckFileAsync(ManyRowsXlsx(300));

        var text = MemberCheckReportFormatter.ToText(report);

        Assert.Contains($"{report.Problems.Count}. ", text, StringComparison.Ordinal);
        Assert.True(report.Problems.Count > 20);
    }

    [Fact]
    public async Task OneHugeCell_UnderTheUnzipLimit_IsCutToTheCellLimit()
    {
        var path = folder.File("cell.xlsx");
        MiniExcel.SaveAs(path, new[] { new Dictionary<string, object?> { ["姓名"] = new string('张', 3_000_000), ["手机"] = new string('9', 1_000_000), ["部门"] = "销售部" } });

        var report = await checker.CheckFileAsync(path);

        var phone = Assert.Single(report.Problems, p => p.Kind == MemberProblemKind.InvalidPhone);
        Assert.True(phone.Message.Length < limits.MaxCellChars + 100, $"{phone.Message.Length} characters");
        Assert.True(MemberCheckReportFormatter.ToText(report).Length < 3_000);
    }

    [Fact]
    public async Task XlsxThatUnzipsPastTheLimit_IsRefused_HowEverSmallTheFile()
    {
        var path = folder.File("bomb.xlsx");
        MiniExcel.SaveAs(path, new[] { new Dictionary<string, object?> { ["姓名"] = new string('A', 30_000_000), ["手机"] = "13812345678", ["部门"] = "销售部" } });
        Assert.True(new FileInfo(path).Length < limits.MaxFileBytes);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var error = await Assert.ThrowsAsync<MemberFileReadException>(() => checker.CheckFileAsync(path));

        Assert.Contains("解压后超过 20 MB", error.Message, StringComparison.Ordinal);

        // Unzipping is counted and stopped, never buffered: far less than the 60 MB the cell would take as a string.
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 30_000_000);
    }

    [Fact]
    public async Task ZipThatLiesAboutItsSizes_IsStillStoppedAtTheLimit()
    {
        var bytes = LyingZip(40 * 1024 * 1024);
        var small = new MemberFileOptions { MaxUncompressedBytes = 1024 * 1024 };
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var error = await Assert.ThrowsAsync<MemberFileReadException>(() =>
            new MemberImportChecker(new PersonalDataMasker(), small).CheckAsync(new MemoryStream(bytes), "lies.xlsx"));

        Assert.Contains("lies.xlsx", error.Message, StringComparison.Ordinal);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 10_000_000);
    }

    [Fact]
    public async Task XlsxReachingPastTheColumnLimit_IsRefused()
    {
        var path = folder.File("wide.xlsx");
        MiniExcel.SaveAs(path, new[] { new Dictionary<string, object?> { ["姓名"] = "张三", ["手机"] = "13812345678", ["部门"] = "销售部", ["备注"] = "x" } }, printHeader: true);
        var wide = new MemberFileOptions { MaxColumns = 3 };

        var error = await Assert.ThrowsAsync<MemberFileReadException>(() =>
            new MemberImportChecker(new PersonalDataMasker(), wide).CheckFileAsync(path));

        Assert.Contains("第 3 列以后", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamLongerThanTheByteLimit_IsRefused_AfterReadingOnlyTheLimit()
    {
        var endless = new EndlessStream();

        var error = await Assert.ThrowsAsync<MemberFileReadException>(() => checker.CheckAsync(endless, "zero.csv"));

        Assert.Contains("文件超过 2 MB", error.Message, StringComparison.Ordinal);
        Assert.InRange(endless.BytesRead, limits.MaxFileBytes, limits.MaxFileBytes + (1024 * 1024));
    }

    [Fact]
    public async Task DevZero_GivenToTheTerminalCommand_IsRefusedQuickly()
    {
        var link = folder.File("zero.csv");
        File.CreateSymbolicLink(link, "/dev/zero");

        var error = await Assert.ThrowsAsync<MemberFileReadException>(() => checker.CheckFileAsync(link));

        Assert.Contains("文件超过 2 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsupportedName_IsRefusedBeforeAnyByteIsRead()
    {
        var endless = new EndlessStream();

        await Assert.ThrowsAsync<MemberFileReadException>(() => checker.CheckAsync(endless, "zero"));

        Assert.Equal(0, endless.BytesRead);
    }

    private static int CountListed(string reply) =>
        reply.Split('\n').Count(line => line.Length > 2 && char.IsAsciiDigit(line[0]) && line.TrimStart("0123456789".ToCharArray()).StartsWith(". ", StringComparison.Ordinal));

    /// <summary>Rows with an empty name and department and a too-short phone: three problems' worth per row, as a stranger would send.</summary>
    private string ManyRowsXlsx(int count)
    {
        var path = folder.File($"rows-{count}.xlsx");
        MiniExcel.SaveAs(path, Enumerable.Range(0, count).Select(i => new Dictionary<string, object?> { ["姓名"] = string.Empty, ["手机"] = "1", ["部门"] = string.Empty }));
        return path;
    }

    /// <summary>A zip whose sheet declares 10 bytes but unpacks to <paramref name="size"/>.</summary>
    private static byte[] LyingZip(int size)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("xl/media/image1.png", CompressionLevel.Optimal).Open();
            var chunk = new byte[1024 * 1024];
            for (var written = 0; written < size; written += chunk.Length)
            {
                part.Write(chunk);
            }
        }

        var bytes = output.ToArray();

        // The uncompressed size field of the local header (offset 22) and of the central directory entry (offset 24).
        BitConverter.TryWriteBytes(bytes.AsSpan(22, 4), 10);
        var central = bytes.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        BitConverter.TryWriteBytes(bytes.AsSpan(central + 24, 4), 10);
        return bytes;
    }

    /// <summary>Zeros for ever, counting what was taken.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
