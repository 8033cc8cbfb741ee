using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using CsvHelper.Configuration;
using CsvHelper;
using MiniExcelLibs;

namespace WeComHelpBot.Members;

/// <summary>
/// Reads the first sheet of an .xlsx (MiniExcel) or a .csv (CsvHelper; UTF-8, UTF-16 or GB18030) into text rows, within
/// <see cref="MemberFileOptions"/>: the rows the check needs and no more, cells cut to a sane length, and an .xlsx
/// refused before MiniExcel sees it when it unpacks to more than the limit or reaches past the column limit.
/// </summary>
internal static class MemberSheetReader
{
    /// <summary>Non-empty rows the header may be preceded by (notes above the official template's header).</summary>
    public const int HeaderSearchRows = 10;

    /// <summary>Refuses a name that is not .xlsx or .csv, before any byte of the file is read.</summary>
    public static void EnsureSupported(string fileName)
    {
        switch (Path.GetExtension(fileName).ToLowerInvariant())
        {
            case ".xlsx" or ".csv":
                return;
            case ".xls":
                throw new MemberFileReadException(fileName, "不支持旧版 .xls 格式，请在 Excel 里另存为 .xlsx 后再检查");
            default:
                throw new MemberFileReadException(fileName, "只支持 .xlsx 和 .csv 文件");
        }
    }

    public static MemberSheet Read(Stream stream, string fileName, MemberFileOptions limits)
    {
        EnsureSupported(fileName);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            return extension == ".xlsx" ? ReadXlsx(stream, fileName, limits) : ReadCsv(stream, limits);
        }
        catch (MemberFileReadException)
        {
            throw;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or InvalidOperationException
            or XmlException or CsvHelperException or ArgumentException or NotSupportedException or KeyNotFoundException or NullReferenceException)
        {
            throw new MemberFileReadException(fileName, $"文件已损坏或不是有效的 {extension.TrimStart('.')} 文件（{Shorten(ex.Message, 200)}）", ex);
        }
    }

    /// <summary>The start of <paramref name="text"/>, at most <paramref name="max"/> characters, "…" marking a cut.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var keep = Math.Max(0, max - 1);
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), "…");
    }

    /// <summary>Enough non-empty rows for the header search, <see cref="MemberFileOptions.MaxDataRows"/> members and one more to know there were more.</summary>
    private static int RowsWanted(MemberFileOptions limits) => limits.MaxDataRows + HeaderSearchRows + 1;

    /// <summary>Sheet rows (empty ones too) looked at before giving up: MiniExcel yields every row up to the last one a sheet names.</summary>
    private static int RowsScanned(MemberFileOptions limits) => (2 * limits.MaxDataRows) + HeaderSearchRows + 1;

    private static MemberSheet ReadXlsx(Stream stream, string fileName, MemberFileOptions limits)
    {
        EnsureWithinZipLimits(stream, fileName, limits);
        stream.Position = 0;
        var rows = new List<MemberSheetRow>();
        var rowNumber = 0;

        // Without a header row MiniExcel yields every row from row 1, empty rows included, keyed by column letter.
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            rowNumber++;
            if (rows.Count == RowsWanted(limits) || rowNumber > RowsScanned(limits))
            {
                return new MemberSheet(rows, IsCutOff: true);
            }

            var cells = row.OrderBy(c => ColumnIndex(c.Key)).Select(c => Shorten(CellText(c.Value), limits.MaxCellChars)).ToList();
            var sheetRow = new MemberSheetRow(rowNumber, cells);
            if (!sheetRow.IsEmpty)
            {
                rows.Add(sheetRow);
            }
        }

        return new MemberSheet(rows, IsCutOff: false);
    }

    /// <summary>
    /// Unzips every part once, counting: more than <see cref="MemberFileOptions.MaxUncompressedBytes"/> in all (a zip
    /// bomb) or a worksheet cell past <see cref="MemberFileOptions.MaxColumns"/> is refused. Counting what comes out,
    /// not the sizes the zip declares, because those are written by whoever made the file.
    /// </summary>
    private static void EnsureWithinZipLimits(Stream stream, string fileName, MemberFileOptions limits)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var budget = new ByteBudget(limits.MaxUncompressedBytes);
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > budget.Left)
            {
                throw TooBigUnzipped(fileName, limits);
            }

            using var part = new BudgetedReadStream(entry.Open(), budget);
            try
            {
                if (entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                {
                    EnsureColumnsWithin(part, fileName, limits.MaxColumns);
                }

                part.CopyTo(Stream.Null);
            }
            catch (ByteBudgetExceededException)
            {
                throw TooBigUnzipped(fileName, limits);
            }
        }
    }

    private static void EnsureColumnsWithin(Stream sheet, string fileName, int maxColumns)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, CloseInput = false };
        using var xml = XmlReader.Create(sheet, settings);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            var reference = xml.LocalName switch
            {
                "c" => xml.GetAttribute("r"),
                "dimension" => xml.GetAttribute("ref")?.Split(':')[^1],
                _ => null,
            };
            if (reference is not null && ColumnIndex(reference) > maxColumns)
            {
                throw new MemberFileReadException(fileName, $"表格用到了第 {maxColumns} 列以后的列，不像成员导入模板。请只保留姓名、手机、部门等几列后再发");
            }
        }
    }

    private static MemberFileReadException TooBigUnzipped(string fileName, MemberFileOptions limits) =>
        new(fileName, $"解压后超过 {limits.MaxUncompressedBytes / (1024 * 1024)} MB，不像成员导入模板。请确认发的是成员导入表");

    private static MemberSheet ReadCsv(Stream stream, MemberFileOptions limits)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var text = Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        var rows = new List<MemberSheetRow>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = true,
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = false,
        };
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, configuration);
        while (parser.Read())
        {
            if (rows.Count == RowsWanted(limits) || parser.Row > RowsScanned(limits))
            {
                return new MemberSheet(rows, IsCutOff: true);
            }

            var row = new MemberSheetRow(parser.Row, (parser.Record ?? []).Take(limits.MaxColumns).Select(c => Shorten(c, limits.MaxCellChars)).ToList());
            if (!row.IsEmpty)
            {
                rows.Add(row);
            }
        }

        return new MemberSheet(rows, IsCutOff: false);
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Excel on a Chinese Windows saves CSV as GBK; GB18030 reads it.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static string CellText(object? value) => value switch
    {
        null => string.Empty,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e17 => d.ToString("0", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>1-based column of a letter key ("A", "AB") or a cell reference ("AB12"); digits are ignored.</summary>
    private static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters.ToUpperInvariant())
        {
            if (c is >= 'A' and <= 'Z')
            {
                // Saturates: a reference with a dozen letters must not wrap around into a small number.
                index = (int)Math.Min(int.MaxValue, ((long)index * 26) + (c - 'A' + 1));
            }
        }

        return index;
    }
}
