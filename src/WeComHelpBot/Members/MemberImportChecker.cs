using System.Globalization;
using WeComHelpBot.Privacy;
using WeComHelpBot.Support;

namespace WeComHelpBot.Members;

/// <summary>
/// Checks a member import file (the Excel template or a CSV) before it is uploaded: required columns, names, phone
/// format, duplicate phones, the 1000-per-import batch limit and the entity's member limit. Reports, never changes, the file.
/// </summary>
public sealed class MemberImportChecker
{
    /// <summary>At most this many members per template import.</summary>
    public const int TemplateImportLimit = 1000;

    public const int EnterpriseInitialLimit = 200;

    public const int SoleProprietorInitialLimit = 50;

    /// <summary>Row numbers listed in one problem; the rest are counted.</summary>
    private const int RowsListed = 20;

    private static readonly string[] NameHeaders = ["姓名", "名字", "成员姓名", "员工姓名", "name"];
    private static readonly string[] PhoneHeaders = ["手机", "手机号", "手机号码", "电话", "联系电话", "联系方式", "mobile", "phone"];
    private static readonly string[] DepartmentHeaders = ["部门", "部门名称", "所属部门", "department"];

    private readonly PersonalDataMasker masker;
    private readonly MemberFileOptions limits;

    public MemberImportChecker(PersonalDataMasker masker, MemberFileOptions limits)
    {
        this.masker = masker;
        this.limits = limits;
    }

    public MemberFileOptions Limits => limits;

    /// <summary>Parses 企业 / 个体工商户 (个体户) / 政府事业单位 (政府/事业单位, 事业单位, 政府).</summary>
    public static bool TryParseEntity(string? text, out MemberEntityType entity)
    {
        var value = (text ?? string.Empty).Replace("/", string.Empty).Replace("、", string.Empty).Trim();
        switch (value)
        {
            case "企业":
            case "企业法人":
                entity = MemberEntityType.Enterprise;
                return true;
            case "个体工商户":
            case "个体户":
                entity = MemberEntityType.SoleProprietor;
                return true;
            case "政府事业单位":
            case "政府":
            case "事业单位":
                entity = MemberEntityType.GovernmentOrInstitution;
                return true;
            default:
                entity = default;
                return false;
        }
    }

    /// <summary>Checks a file on disk. Throws <see cref="MemberFileReadException"/> when it cannot be read.</summary>
    public async Task<MemberCheckReport> CheckFileAsync(string path, MemberEntityType? entity = null, int? staffQuota = null, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new MemberFileReadException(path, "文件不存在");
        }

        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            return await CheckAsync(stream, name, entity, staffQuota, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MemberFileReadException(path, $"文件打不开（{ex.Message}）", ex);
        }
    }

    /// <summary>
    /// Checks a file from a stream (e.g. a file sent in chat); <paramref name="fileName"/> gives its type (.xlsx/.csv).
    /// At most <see cref="MemberFileOptions.MaxFileBytes"/> are read: a longer stream is refused, never buffered whole.
    /// </summary>
    public async Task<MemberCheckReport> CheckAsync(Stream stream, string fileName, MemberEntityType? entity = null, int? staffQuota = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        MemberSheetReader.EnsureSupported(fileName);
        using var buffer = new MemoryStream();
        try
        {
            await using var bounded = new BudgetedReadStream(stream, new ByteBudget(limits.MaxFileBytes));
            await bounded.CopyToAsync(buffer, cancellationToken);
        }
        catch (ByteBudgetExceededException)
        {
            throw TooLarge(fileName, limits);
        }

        buffer.Position = 0;
        var sheet = MemberSheetReader.Read(buffer, fileName, limits);
        return Check(sheet, fileName, entity, staffQuota);
    }

    /// <summary>The refusal for a file over <see cref="MemberFileOptions.MaxFileBytes"/>.</summary>
    public static MemberFileReadException TooLarge(string fileName, MemberFileOptions limits) =>
        new(fileName, $"文件超过 {FormatBytes(limits.MaxFileBytes)}，成员导入模板一般不会这么大。请确认发的是成员导入表");

    internal static string FormatBytes(long bytes) => bytes % (1024 * 1024) == 0
        ? $"{bytes / (1024 * 1024)} MB"
        : $"{Math.Ceiling(bytes / 1024d)} KB";

    private MemberCheckReport Check(MemberSheet sheet, string fileName, MemberEntityType? entity, int? staffQuota)
    {
        var rows = sheet.Rows;
        var problems = new List<MemberFileProblem>();
        var notes = new List<string>();
        var header = FindHeader(rows);
        if (header is null)
        {
            problems.Add(new MemberFileProblem(MemberProblemKind.NoMembers, [], "文件是空的，没有表头也没有成员。", "请使用企业微信后台下载的导入模板，填好姓名、手机、部门后再导入。"));
            return new MemberCheckReport(fileName, 0, 0, entity, problems, notes);
        }

        var nameColumn = FindColumn(header, NameHeaders);
        var phoneColumn = FindColumn(header, PhoneHeaders);
        var departmentColumn = FindColumn(header, DepartmentHeaders);
        AddMissingColumn(problems, header.RowNumber, nameColumn, "姓名", NameHeaders);
        AddMissingColumn(problems, header.RowNumber, phoneColumn, "手机", PhoneHeaders);
        AddMissingColumn(problems, header.RowNumber, departmentColumn, "部门", DepartmentHeaders);

        var members = rows.Where(r => r.RowNumber > header.RowNumber && !r.IsEmpty).ToList();
        int? truncatedAt = null;
        if (sheet.IsCutOff || members.Count > limits.MaxDataRows)
        {
            // The rest of the file is not read at all: a 60 KB sheet can hold a million rows.
            truncatedAt = limits.MaxDataRows;
            members = members.Take(limits.MaxDataRows).ToList();
            notes.Add($"文件超过 {limits.MaxDataRows} 行成员数据，只检查了前 {limits.MaxDataRows} 行（到第 {members[^1].RowNumber} 行为止），后面的行没有检查。");
        }

        if (members.Count == 0)
        {
            problems.Add(new MemberFileProblem(MemberProblemKind.NoMembers, [header.RowNumber], "表头下面没有成员数据。", "从表头的下一行开始，每行填一名成员。"));
        }

        if (nameColumn >= 0)
        {
            AddRowsProblem(problems, MemberProblemKind.EmptyName, members.Where(r => r.Cell(nameColumn).Length == 0),
                "姓名为空", "补上成员的真实姓名；不导入的成员请把整行删掉。");
        }

        if (departmentColumn >= 0)
        {
            AddRowsProblem(problems, MemberProblemKind.EmptyDepartment, members.Where(r => r.Cell(departmentColumn).Length == 0),
                "部门为空", "填上成员所在的部门，名称要和通讯录里的部门一致。");
        }

        if (phoneColumn >= 0)
        {
            CheckPhones(problems, members, phoneColumn);
        }

        CheckLimits(problems, notes, members.Count, truncatedAt is not null, entity, staffQuota);
        notes.Add("只检查了这个文件本身：如果手机号已经被通讯录里的现有成员使用，导入时仍会提示重复。");
        return new MemberCheckReport(fileName, header.RowNumber, members.Count, entity, problems, notes) { TruncatedAtRows = truncatedAt };
    }

    private void CheckPhones(List<MemberFileProblem> problems, List<MemberSheetRow> members, int phoneColumn)
    {
        AddRowsProblem(problems, MemberProblemKind.MissingPhone, members.Where(r => r.Cell(phoneColumn).Length == 0),
            "手机号为空", "手机号是必填项，补上成员本人实名认证过的手机号。");

        var valid = new List<(string Phone, int Row)>();
        foreach (var row in members)
        {
            var raw = row.Cell(phoneColumn);
            if (raw.Length == 0)
            {
                continue;
            }

            if (ChinesePhoneNumber.TryNormalizeMobile(raw, out var phone))
            {
                valid.Add((phone, row.RowNumber));
                continue;
            }

            var (reason, fix) = DescribeInvalidPhone(raw);
            problems.Add(new MemberFileProblem(MemberProblemKind.InvalidPhone, [row.RowNumber], $"第 {row.RowNumber} 行手机号“{masker.Mask(raw)}”{reason}", fix));
        }

        foreach (var group in valid.GroupBy(v => v.Phone).Where(g => g.Count() > 1).OrderBy(g => g.Min(v => v.Row)))
        {
            var rowNumbers = group.Select(v => v.Row).Order().ToList();
            problems.Add(new MemberFileProblem(
                MemberProblemKind.DuplicatePhone,
                rowNumbers,
                $"手机号 {masker.MaskPhone(group.Key)} 重复出现在第 {JoinRows(rowNumbers)} 行",
                "一个手机号只能对应一名成员：确认哪一行是本人，其余行改成各自正确的手机号；如果是离职的老成员占着这个号码，先在通讯录里把老成员标记为「已停用」或改掉他的手机号，然后重新导入模板。"));
        }
    }

    private static (string Reason, string Fix) DescribeInvalidPhone(string raw)
    {
        if (raw.Contains('E', StringComparison.OrdinalIgnoreCase) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return ("被 Excel 显示成了科学计数法，号码已经不完整", "把手机列的单元格格式设为“文本”，重新输入完整的 11 位号码。");
        }

        var digits = raw.Count(char.IsDigit);
        if (digits != raw.Count(c => !char.IsWhiteSpace(c) && c != '-' && c != '+'))
        {
            return ("里有数字以外的字符", "只填 11 位手机号，去掉文字、括号和分机号。");
        }

        if (digits is 11 or 13 && !raw.TrimStart('+').StartsWith('1') && !raw.TrimStart('+').StartsWith("86", StringComparison.Ordinal))
        {
            return ("不是手机号（手机号以 13–19 开头）", "填写成员的手机号，座机号不能用来登录企业微信。");
        }

        return ($"位数不对（{digits} 位，应为 11 位）", "核对后填写完整的 11 位手机号。");
    }

    private static void CheckLimits(List<MemberFileProblem> problems, List<string> notes, int count, bool cutOff, MemberEntityType? entity, int? staffQuota)
    {
        var counted = cutOff ? $"超过 {count}" : $"共 {count}";
        if (count > TemplateImportLimit)
        {
            var files = (count + TemplateImportLimit - 1) / TemplateImportLimit;
            problems.Add(new MemberFileProblem(
                MemberProblemKind.BatchTooLarge,
                [],
                $"{counted} 名成员，超过了模板导入每次最多 {TemplateImportLimit} 人的限制。",
                $"把文件拆成 {files} 个（每个不超过 {TemplateImportLimit} 行，都保留表头），分批导入；人数很多时也可以请技术人员用 API 接口导入。"));
        }

        var (limit, entityName) = entity switch
        {
            MemberEntityType.Enterprise => ((int?)EnterpriseInitialLimit, "企业"),
            MemberEntityType.SoleProprietor => (SoleProprietorInitialLimit, "个体工商户"),
            MemberEntityType.GovernmentOrInstitution => (staffQuota, "政府/事业单位"),
            _ => ((int?)null, string.Empty),
        };

        if (entity == MemberEntityType.GovernmentOrInstitution && staffQuota is null)
        {
            notes.Add("政府/事业单位的成员数按编制规模开放，没有统一上限；加上 --quota 编制人数 可以一起核对人数。");
        }
        else if (entity is null)
        {
            notes.Add($"没有指定主体类型，未核对成员上限（企业初始最多 {EnterpriseInitialLimit} 人，个体工商户初始最多 {SoleProprietorInitialLimit} 人）。");
        }

        if (limit is { } max && count > max)
        {
            var what = entity == MemberEntityType.GovernmentOrInstitution ? $"编制规模 {max} 人" : $"{entityName}初始最多 {max} 名成员";
            problems.Add(new MemberFileProblem(
                MemberProblemKind.OverMemberLimit,
                [],
                $"{counted} 名成员，超过了{what}的限制。",
                $"先导入不超过 {max} 人；其余成员等后台显示的成员上限提高后再导入（上限以企业微信后台为准）。"));
        }
    }

    private static MemberSheetRow? FindHeader(IReadOnlyList<MemberSheetRow> rows)
    {
        // The official template can have notes above the header: take the first row naming two of the required columns.
        foreach (var row in rows.Where(r => !r.IsEmpty).Take(MemberSheetReader.HeaderSearchRows))
        {
            var found = new[] { NameHeaders, PhoneHeaders, DepartmentHeaders }.Count(names => FindColumn(row, names) >= 0);
            if (found >= 2)
            {
                return row;
            }
        }

        return rows.FirstOrDefault(r => !r.IsEmpty);
    }

    private static int FindColumn(MemberSheetRow header, string[] names)
    {
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var cell = NormalizeHeader(header.Cells[i]);
            if (names.Any(n => string.Equals(cell, n, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        return -1;
    }

    private static string NormalizeHeader(string text)
    {
        var value = text.Trim().Replace("*", string.Empty).Replace(" ", string.Empty).Replace("\u3000", string.Empty);
        foreach (var open in new[] { '(', '（' })
        {
            var at = value.IndexOf(open);
            if (at > 0)
            {
                value = value[..at];
            }
        }

        return value;
    }

    private static void AddMissingColumn(List<MemberFileProblem> problems, int headerRow, int column, string name, string[] accepted)
    {
        if (column < 0)
        {
            problems.Add(new MemberFileProblem(
                MemberProblemKind.MissingColumn,
                [headerRow],
                $"表头（第 {headerRow} 行）缺少必填列“{name}”。",
                $"在表头加上“{name}”列（也认：{string.Join("、", accepted.Where(a => a != name && !a.All(char.IsAsciiLetter)))}）；最稳妥的是用企业微信后台下载的导入模板。"));
        }
    }

    private static void AddRowsProblem(List<MemberFileProblem> problems, MemberProblemKind kind, IEnumerable<MemberSheetRow> rows, string what, string fix)
    {
        var rowNumbers = rows.Select(r => r.RowNumber).ToList();
        if (rowNumbers.Count > 0)
        {
            problems.Add(new MemberFileProblem(kind, rowNumbers, $"第 {JoinRows(rowNumbers)} 行{what}", fix));
        }
    }

    /// <summary>"2、4、6", or the first <see cref="RowsListed"/> and the count ("2、3、…、21 等共 80000") so one problem stays short.</summary>
    internal static string JoinRows(IReadOnlyList<int> rows) => rows.Count <= RowsListed
        ? string.Join("、", rows)
        : $"{string.Join("、", rows.Take(RowsListed))} 等共 {rows.Count}";
}
