using System.CommandLine;
using WeComHelpBot.Members;
using WeComHelpBot.Privacy;

namespace WeComHelpBot.Cli.Commands;

/// <summary>`wecomhelp members check FILE`: checks a member import file before it is uploaded to WeCom.</summary>
public static class MembersCommand
{
    public static Command Create()
    {
        var command = new Command("members", "成员导入文件工具");
        command.Subcommands.Add(CreateCheck());
        return command;
    }

    private static Command CreateCheck()
    {
        var file = new Argument<string>("文件") { Description = "成员导入文件（.xlsx 或 .csv）" };
        var entity = new Option<string?>("--entity") { Description = "主体类型：企业、个体工商户、政府事业单位（用来核对成员上限）" };
        var quota = new Option<int?>("--quota") { Description = "政府/事业单位的编制人数" };
        var command = new Command("check", "检查成员导入文件：必填列、手机号格式、重复手机号、单次导入上限、成员上限") { file, entity, quota };
        command.SetAction(async (parse, ct) =>
        {
            MemberEntityType? entityType = null;
            if (parse.GetValue(entity) is { } entityText)
            {
                if (!MemberImportChecker.TryParseEntity(entityText, out var parsed))
                {
                    return await SupportCommandRunner.FailAsync(parse, $"不认识的主体类型“{entityText}”：请填 企业、个体工商户 或 政府事业单位。");
                }

                entityType = parsed;
            }

            if (parse.GetValue(quota) is <= 0)
            {
                return await SupportCommandRunner.FailAsync(parse, "--quota 编制人数要大于 0。");
            }

            var checker = new MemberImportChecker(new PersonalDataMasker(), new MemberFileOptions());
            try
            {
                var report = await checker.CheckFileAsync(parse.GetValue(file)!, entityType, parse.GetValue(quota), ct);
                await parse.InvocationConfiguration.Output.WriteAsync(MemberCheckReportFormatter.ToText(report));
                return report.IsClean ? 0 : 1;
            }
            catch (MemberFileReadException ex)
            {
                return await SupportCommandRunner.FailAsync(parse, ex.Message);
            }
        });
        return command;
    }
}
