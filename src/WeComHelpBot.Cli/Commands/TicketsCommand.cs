using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text;
using CsvHelper.Configuration;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Privacy;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Cli.Commands;

/// <summary>`wecomhelp tickets list|show|close|export`: the hand-over tickets made in chat.</summary>
public static class TicketsCommand
{
    private static readonly JsonSerializerOptions JsonOptions = CreateJsonOptions();

    /// <summary>
    /// Company names, descriptions and answers are typed by strangers in chat, and the file is opened in Excel: a cell
    /// starting with =, +, -, @, tab or CR would run as a formula (=HYPERLINK(…) leaks data on a click). CsvHelper's
    /// Escape prefixes such a cell with ' as OWASP advises, for every cell, even a harmless "-".
    /// </summary>
    private static readonly CsvConfiguration CsvConfiguration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
        InjectionEscapeCharacter = '\'',
    };

    public static Command Create()
    {
        var command = new Command("tickets", "查看和处理转人工工单");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateShow());
        command.Subcommands.Add(CreateClose());
        command.Subcommands.Add(CreateExport());
        return command;
    }

    private static Option<string> StatusOption() => new Option<string>("--status")
    {
        Description = "只看某种状态：open（未关闭）、closed（已关闭）、all（全部，默认）",
        DefaultValueFactory = _ => "all",
    }.AcceptOnlyFromAmong("open", "closed", "all");

    private static Command CreateList()
    {
        var status = StatusOption();
        var command = new Command("list", "列出工单（新的在前）") { status };
        command.SetAction((parse, ct) => SupportCommandRunner.RunAsync(parse, async (queries, services, output, token) =>
        {
            var tickets = await queries.ListTicketsAsync(ParseStatus(parse.GetValue(status)), token);
            if (tickets.Count == 0)
            {
                await output.WriteLineAsync("没有工单。");
                return 0;
            }

            var masker = services.GetRequiredService<PersonalDataMasker>();
            await output.WriteLineAsync("工单号\t创建时间\t状态\t联系电话\t企业名称\t故障类别");
            foreach (var ticket in tickets)
            {
                await output.WriteLineAsync(string.Join('\t', ticket.Number, FormatTime(ticket.CreatedAt), StatusText(ticket.Status),
                    masker.MaskPhone(ticket.ContactPhone), ticket.CompanyName, ticket.FailureCategory));
            }

            await output.WriteLineAsync($"共 {tickets.Count} 张工单。用 tickets show 工单号 查看详情。");
            return 0;
        }, ct));
        return command;
    }

    private static Command CreateShow()
    {
        var number = new Argument<string>("工单号") { Description = "例如 T20261125-0001" };
        var command = new Command("show", "查看一张工单的全部内容") { number };
        command.SetAction((parse, ct) => SupportCommandRunner.RunAsync(parse, async (queries, services, output, token) =>
        {
            var ticket = await queries.GetTicketAsync(parse.GetValue(number)!, token);
            if (ticket is null)
            {
                return await SupportCommandRunner.FailAsync(parse, $"没有找到工单 {parse.GetValue(number)}");
            }

            await output.WriteAsync(Describe(ticket));
            return 0;
        }, ct));
        return command;
    }

    private static Command CreateClose()
    {
        var number = new Argument<string>("工单号") { Description = "例如 T20261125-0001" };
        var command = new Command("close", "关闭一张已处理的工单") { number };
        command.SetAction((parse, ct) => SupportCommandRunner.RunAsync(parse, async (queries, services, output, token) =>
        {
            try
            {
                var ticket = await queries.CloseTicketAsync(parse.GetValue(number)!, token);
                await output.WriteLineAsync($"工单 {ticket.Number} 已关闭（{FormatTime(ticket.ClosedAt ?? ticket.CreatedAt)}）。");
                return 0;
            }
            catch (TicketNotFoundException ex)
            {
                return await SupportCommandRunner.FailAsync(parse, ex.Message);
            }
        }, ct));
        return command;
    }

    private static Command CreateExport()
    {
        var format = new Option<string>("--format") { Description = "csv 或 json", Required = true }.AcceptOnlyFromAmong("csv", "json");
        var outputFile = new Option<string?>("--output") { Description = "写入这个文件（默认输出到屏幕）" };
        var status = StatusOption();
        var command = new Command("export", "导出工单为 CSV 或 JSON（含完整联系电话，请妥善保管）") { format, outputFile, status };
        command.SetAction((parse, ct) => SupportCommandRunner.RunAsync(parse, async (queries, services, output, token) =>
        {
            var tickets = await queries.ListTicketsAsync(ParseStatus(parse.GetValue(status)), token);
            var text = parse.GetValue(format) == "csv" ? ToCsv(tickets) : JsonSerializer.Serialize(tickets, JsonOptions) + Environment.NewLine;
            if (parse.GetValue(outputFile) is { Length: > 0 } path)
            {
                // Excel opens a CSV as Chinese text only with a BOM.
                await File.WriteAllTextAsync(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: parse.GetValue(format) == "csv"), token);
                await output.WriteLineAsync($"已导出 {tickets.Count} 张工单到 {path}");
            }
            else
            {
                await output.WriteAsync(text);
            }

            return 0;
        }, ct));
        return command;
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = TicketService.CreateJsonOptions();
        options.WriteIndented = true;
        return options;
    }

    private static string ToCsv(IReadOnlyList<Ticket> tickets)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(writer, CsvConfiguration);
        foreach (var header in new[] { "工单号", "创建时间", "状态", "关闭时间", "联系电话", "企业名称", "故障类别", "故障描述", "流程回答", "最近对话", "来源", "会话" })
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        foreach (var ticket in tickets)
        {
            csv.WriteField(ticket.Number);
            csv.WriteField(FormatTime(ticket.CreatedAt));
            csv.WriteField(StatusText(ticket.Status));
            csv.WriteField(ticket.ClosedAt is { } closed ? FormatTime(closed) : string.Empty);
            csv.WriteField(ticket.ContactPhone);
            csv.WriteField(ticket.CompanyName);
            csv.WriteField(ticket.FailureCategory);
            csv.WriteField(ticket.FailureDescription);
            csv.WriteField(string.Join("\n", ticket.Answers.Select(a => $"{a.Key}: {a.Value}")));
            csv.WriteField(string.Join("\n", ticket.RecentTurns.Select(TurnLine)));
            csv.WriteField(ticket.Source ?? string.Empty);
            csv.WriteField(ticket.ConversationId);
            csv.NextRecord();
        }

        csv.Flush();
        return writer.ToString();
    }

    private static string Describe(Ticket ticket)
    {
        var text = new StringBuilder();
        text.Append($"工单号：{ticket.Number}\n");
        text.Append($"状态：{StatusText(ticket.Status)}{(ticket.ClosedAt is { } closed ? $"（{FormatTime(closed)} 关闭）" : string.Empty)}\n");
        text.Append($"创建时间：{FormatTime(ticket.CreatedAt)}\n");
        text.Append($"联系电话：{ticket.ContactPhone}\n");
        text.Append($"企业名称：{ticket.CompanyName}\n");
        text.Append($"故障类别：{ticket.FailureCategory}\n");
        text.Append($"故障描述：{ticket.FailureDescription}\n");
        if (ticket.Source is not null)
        {
            text.Append($"来源：{ticket.Source}\n");
        }

        text.Append($"承诺响应：{ticket.ExpectedResponse}\n");
        if (ticket.Answers.Count > 0)
        {
            text.Append("流程回答：\n");
            foreach (var (key, value) in ticket.Answers)
            {
                text.Append($"  {key}：{value}\n");
            }
        }

        text.Append(ticket.RecentTurns.Count > 0 ? "最近对话：\n" : "最近对话：（无记录）\n");
        foreach (var turn in ticket.RecentTurns)
        {
            text.Append($"  {TurnLine(turn)}\n");
        }

        return text.ToString();
    }

    private static string TurnLine(TranscriptEntry turn) =>
        $"[{turn.Timestamp.ToOffset(TimeSpan.FromHours(8)):HH:mm}] {(turn.Direction == TranscriptDirection.Incoming ? "用户" : "助手")}：{turn.Text.Replace("\n", " ")}";

    private static TicketStatus? ParseStatus(string? value) => value switch
    {
        "open" => TicketStatus.Open,
        "closed" => TicketStatus.Closed,
        _ => null,
    };

    private static string StatusText(TicketStatus status) => status == TicketStatus.Open ? "未关闭" : "已关闭";

    private static string FormatTime(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
