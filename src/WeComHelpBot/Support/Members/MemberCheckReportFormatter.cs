using System.Text;

namespace WeComHelpBot.Support.Members;

/// <summary>Writes a <see cref="MemberCheckReport"/> as zh-CN text for a terminal or a chat reply.</summary>
public static class MemberCheckReportFormatter
{
    public static string ToText(MemberCheckReport report)
    {
        var text = new StringBuilder();
        text.Append($"成员文件检查：{report.FileName}（表头在第 {report.HeaderRow} 行，共 {report.MemberCount} 名成员）\n");
        if (report.IsClean)
        {
            text.Append("没有发现问题，可以导入。\n");
        }
        else
        {
            text.Append($"发现 {report.Problems.Count} 个问题：\n");
            var number = 0;
            foreach (var problem in report.Problems)
            {
                number++;
                text.Append($"{number}. {problem.Message}\n");
                text.Append($"   怎么改：{problem.Fix}\n");
            }
        }

        foreach (var note in report.Notes)
        {
            text.Append($"提示：{note}\n");
        }

        return text.ToString();
    }
}
