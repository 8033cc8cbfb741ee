using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace WeComHelpBot.Support.Members;

/// <summary>Reads the first sheet of an .xlsx (MiniExcel) or a .csv (CsvHelper; UTF-8, UTF-16 or GB18030) into text rows.</summary>
internal static class MemberSheetReader
{
    public static IReadOnlyList<MemberSheetRow> Read(Stream stream, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".xlsx" => ReadXlsx(stream),
                ".csv" => ReadCsv(stream),
                ".xls" => throw new MemberFileReadException(fileName, "不支持旧版 .xls 格式，请在 Excel 里另存为 .xlsx 后再检查"),
                _ => throw new MemberFileReadException(fileName, "只支持 .xlsx 和 .csv 文件"),
            };
        }
        catch (MemberFileReadException)
        {
            throw;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or InvalidOperationException
            or System.Xml.XmlException or CsvHelperException or ArgumentException or NotSupportedException or KeyNotFoundException or NullReferenceException)
        {
            throw new MemberFileReadException(fileName, $"文件已损坏或不是有效的 {extension.TrimStart('.')} 文件（{ex.Message}）", ex);
        }
    }

    private static List<MemberSheetRow> ReadXlsx(Stream stream)
    {
        var rows = new List<MemberSheetRow>();
        var rowNumber = 0;

        // Without a header row MiniExcel yields every row from row 1, empty rows included, keyed by column letter.
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            rowNumber++;
            var cells = row.OrderBy(c => ColumnIndex(c.Key)).Select(c => CellText(c.Value)).ToList();
            rows.Add(new MemberSheetRow(rowNumber, cells));
        }

        return rows;
    }

    private static List<MemberSheetRow> ReadCsv(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var text = Decode(buffer.ToArray());
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
            rows.Add(new MemberSheetRow(parser.Row, parser.Record ?? []));
        }

        return rows;
    }

    private static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
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

    private static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters.ToUpperInvariant())
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
            }
        }

        return index;
    }
}
