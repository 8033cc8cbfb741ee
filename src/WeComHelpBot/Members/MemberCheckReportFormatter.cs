using System.Text;

namespace WeComHelpBot.Members;

/// <summary>Writes a <see cref="MemberCheckReport"/> as zh-CN text: whole for the terminal, bounded for a chat reply, one line for the transcript.</summary>
public static class MemberCheckReportFormatter
{
    /// <summary>The whole report (the operator's own file, `wecomhelp members check`).</summary>
    public static string ToText(MemberCheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        AppendHeading(text, report);
        if (!report.IsClean)
        {
            text.Append($"发现 {report.Problems.Count} 个问题：\n");
            var number = 0;
            foreach (var problem in report.Problems)
            {
                AppendProblem(text, ++number, problem);
            }
        }

        AppendNotes(text, report);
        return text.ToString();
    }

    /// <summary>
    /// The reply in chat: at most <see cref="MemberFileOptions.MaxReplyProblems"/> problems, the rest counted by kind,
    /// and never longer than <see cref="MemberFileOptions.MaxReplyChars"/>. A stranger's sheet decides how many problems
    /// there are; the reply (kept by Direct Line, sent by WeCom) must not grow with it.
    /// </summary>
    public static string ToChatText(MemberCheckReport report, MemberFileOptions limits)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(limits);
        var text = new StringBuilder();
        AppendHeading(text, report);
        var notes = new StringBuilder();
        AppendNotes(notes, report);
        if (!report.IsClean)
        {
            text.Append($"发现 {report.Problems.Count} 个问题：\n");

            // Room for the notes and the line counting the problems not listed, whatever the problems hold.
            var budget = limits.MaxReplyChars - notes.Length - 120;
            var listed = 0;
            foreach (var problem in report.Problems.Take(limits.MaxReplyProblems))
            {
                var entry = new StringBuilder();
                AppendProblem(entry, listed + 1, problem);
                if (text.Length + entry.Length > budget)
                {
                    break;
                }

                text.Append(entry);
                listed++;
            }

            if (listed < report.Problems.Count)
            {
                var rest = report.Problems.Skip(listed).GroupBy(p => p.Kind).Select(g => $"{KindName(g.Key)} {g.Count()} 个");
                text.Append($"另有 {report.Problems.Count - listed} 个问题没有列出（{string.Join("，", rest)}）。完整报告请在电脑上运行：wecomhelp members check 文件名。\n");
            }
        }

        text.Append(notes);
        var reply = text.ToString().TrimEnd();
        return MemberSheetReader.Shorten(reply, limits.MaxReplyChars);
    }

    /// <summary>One line for the transcript instead of the report: what was checked and how it came out, no row data.</summary>
    public static string ToSummary(MemberCheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cut = report.TruncatedAtRows is { } rows ? $"，只读了前 {rows} 行" : string.Empty;
        var outcome = report.IsClean
            ? "没有问题"
            : $"{report.Problems.Count} 个问题（{string.Join("，", report.Problems.GroupBy(p => p.Kind).Select(g => $"{KindName(g.Key)} {g.Count()}"))}）";
        return MemberSheetReader.Shorten($"[成员文件检查] {report.FileName}：{report.MemberCount} 名成员{cut}，{outcome}", 300);
    }

    private static void AppendHeading(StringBuilder text, MemberCheckReport report)
    {
        text.Append($"成员文件检查：{report.FileName}（表头在第 {report.HeaderRow} 行，{(report.TruncatedAtRows is null ? "共" : "检查了")} {report.MemberCount} 名成员）\n");
        if (report.IsClean)
        {
            text.Append("没有发现问题，可以导入。\n");
        }
    }

    private static void AppendProblem(StringBuilder text, int number, MemberFileProblem problem)
    {
        text.Append($"{number}. {problem.Message}\n");
        text.Append($"   怎么改：{problem.Fix}\n");
    }

    private static void AppendNotes(StringBuilder text, MemberCheckReport report)
    {
        foreach (var note in report.Notes)
        {
            text.Append($"提示：{note}\n");
        }
    }

    private static string KindName(MemberProblemKind kind) => kind switch
    {
        MemberProblemKind.MissingColumn => "缺少必填列",
        MemberProblemKind.NoMembers => "没有成员",
        MemberProblemKind.EmptyName => "姓名为空",
        MemberProblemKind.MissingPhone => "手机号为空",
        MemberProblemKind.InvalidPhone => "手机号格式不对",
        MemberProblemKind.DuplicatePhone => "手机号重复",
        MemberProblemKind.EmptyDepartment => "部门为空",
        MemberProblemKind.BatchTooLarge => "超过单次导入上限",
        MemberProblemKind.OverMemberLimit => "超过成员上限",
        _ => kind.ToString(),
    };
}
