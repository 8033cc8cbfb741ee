using System.CommandLine;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Channels;

namespace WeComHelpBot.Cli.Commands;

/// <summary>
/// `wecomhelp chat`: a conversation with the real bot pipeline through the channels' in-process adapter (<see cref="ConsoleChannel"/>).
/// Interactive by default; `--jsonl` reads one user message per stdin line and writes, flushed, one
/// {"user":"…","replies":["…"]} line per message. A new conversation starts with the user joining, so the bot's
/// welcome shows in interactive mode; in --jsonl that turn runs too but writes no line (every line answers a message).
/// </summary>
public static class ChatCommand
{
    private static readonly HashSet<string> QuitWords = new(StringComparer.OrdinalIgnoreCase) { "退出", "exit", "quit", "/q" };

    public static Command Create(BotHost host)
    {
        var jsonl = new Option<bool>("--jsonl") { Description = "脚本模式：每行一条用户消息，每轮输出一行 JSON" };
        var conversation = new Option<string?>("--conversation") { Description = "继续这个会话 id（默认开一个新会话）" };
        var command = new Command("chat", "和机器人对话（交互式，或 --jsonl 脚本模式）");
        command.Options.Add(jsonl);
        command.Options.Add(conversation);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var continued = parse.GetValue(conversation);
            if (continued is not null && string.IsNullOrWhiteSpace(continued))
            {
                parse.InvocationConfiguration.Error.WriteLine("--conversation 需要一个会话 id");
                return 2;
            }

            using var services = host.Start(parse);

            // Every turn reads and writes bot state: an unusable PostgreSQL is one line and exit 2 now, not a
            // "暂时出了故障" reply to each line typed.
            BotStartupCheck.ConnectSharedDatabase(services);

            var bot = services.GetRequiredService<IBot>();
            var adapter = services.GetRequiredService<ReplyCollectingAdapter>();
            var conversationId = continued?.Trim() ?? "cli-" + Guid.NewGuid().ToString("N");
            var scripted = parse.GetValue(jsonl);
            if (continued is null)
            {
                var welcome = await adapter.ProcessActivityAsync(ConsoleChannel.ConversationStart(conversationId), bot, cancellationToken);
                if (!scripted)
                {
                    await output.WriteLineAsync($"（会话 {conversationId}；输入“退出”结束）");
                    await WriteRepliesAsync(output, ConsoleChannel.RenderMessages(welcome));
                }
            }

            while (true)
            {
                if (!scripted)
                {
                    await output.WriteAsync("您> ");
                    await output.FlushAsync(cancellationToken);
                }

                var line = await host.Input.ReadLineAsync(cancellationToken);
                if (line is null || (!scripted && QuitWords.Contains(line.Trim())))
                {
                    break;
                }

                var replies = await adapter.ProcessActivityAsync(ConsoleChannel.Message(conversationId, line), bot, cancellationToken);
                var texts = ConsoleChannel.RenderMessages(replies).ToList();
                if (scripted)
                {
                    await output.WriteLineAsync(CliJson.Serialize(new ChatTurn(line, texts)));
                    await output.FlushAsync(cancellationToken);
                }
                else
                {
                    await WriteRepliesAsync(output, texts);
                }
            }

            return 0;
        });
        return command;
    }

    private static async Task WriteRepliesAsync(TextWriter output, IEnumerable<string> replies)
    {
        foreach (var reply in replies)
        {
            await output.WriteLineAsync("助手> " + reply.Replace("\n", "\n      ", StringComparison.Ordinal));
        }

        await output.FlushAsync();
    }

    private sealed record ChatTurn(string User, IReadOnlyList<string> Replies);
}
