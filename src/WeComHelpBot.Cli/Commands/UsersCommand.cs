using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Desk;

namespace WeComHelpBot.Cli.Commands;

/// <summary>`wecomhelp users add|list|disable`: the support console's accounts.</summary>
public static class UsersCommand
{
    public static Command Create(BotHost host)
    {
        var command = new Command("users", "管理客服工作台（/console）的账号");
        command.Subcommands.Add(CreateAdd(host));
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateDisable());
        return command;
    }

    private static Command CreateAdd(BotHost host)
    {
        var name = new Argument<string>("账号名") { Description = "登录用的名字，例如 zhangsan" };
        var role = new Option<string>("--role")
        {
            Description = "agent（客服：看工单、回复用户）或 lead（主管：另可看数据看板、改知识库、管账号）",
            Required = true,
        }.AcceptOnlyFromAmong("agent", "lead");
        var command = new Command("add", "新建账号；密码从标准输入读一行（例如 echo 密码 | wecomhelp users add 名字 --role agent）") { name, role };
        command.SetAction((parse, ct) => SupportCommandRunner.RunAsync(parse, async (queries, _, output, token) =>
        {
            // One line from standard input, so the password never shows in the shell history or the process list.
            var password = (await host.Input.ReadLineAsync(token))?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password))
            {
                return await SupportCommandRunner.FailAsync(parse, "请从标准输入给出密码（一行）。");
            }

            try
            {
                var account = await queries.AddAccountAsync(
                    parse.GetValue(name)!, parse.GetValue(role) == "lead" ? DeskRole.Lead : DeskRole.Agent, password, token);
                await output.WriteLineAsync($"已创建账号 {account.Name}（{RoleText(account.Role)}）。");
                return 0;
            }
            catch (ArgumentException ex)
            {
                return await SupportCommandRunner.FailAsync(parse, ex.Message.Split(" (Parameter")[0]);
            }
        }, ct));
        return command;
    }

    private static Command CreateList()
    {
        var command = new Command("list", "列出账号");
        command.SetAction((parse, ct) => SupportCommandRunner.RunAsync(parse, async (queries, _, output, token) =>
        {
            var accounts = await queries.ListAccountsAsync(token);
            if (accounts.Count == 0)
            {
                await output.WriteLineAsync("还没有账号。用 users add 名字 --role lead 创建第一个。");
                return 0;
            }

            await output.WriteLineAsync("账号\t角色\t状态\t创建时间\t上次登录");
            foreach (var account in accounts)
            {
                var state = account.Disabled ? "已停用" : account.LockedUntil > DateTimeOffset.UtcNow ? "已锁定" : "正常";
                await output.WriteLineAsync(string.Join('\t', account.Name, RoleText(account.Role), state, Format(account.CreatedAt), account.LastSignIn is { } at ? Format(at) : "-"));
            }

            return 0;
        }, ct));
        return command;
    }

    private static Command CreateDisable()
    {
        var name = new Argument<string>("账号名");
        var command = new Command("disable", "停用账号（已登录的会话随即失效）") { name };
        command.SetAction((parse, ct) => SupportCommandRunner.RunAsync(parse, async (queries, _, output, token) =>
        {
            var account = parse.GetValue(name)!;
            if (!await queries.DisableAccountAsync(account, token))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"没有账号 {account}。");
                return 1;
            }

            await output.WriteLineAsync($"已停用账号 {account}。");
            return 0;
        }, ct));
        return command;
    }

    private static string RoleText(DeskRole role) => role == DeskRole.Lead ? "主管" : "客服";

    private static string Format(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
