using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Cli.Commands;

/// <summary>
/// `wecomhelp ask "问题"` prints the answer; `--json` prints
/// {"question","answered","answer","entryId","score","suggestions":[{"entryId","title","score"}]};
/// `ask --json` without a question answers every non-blank stdin line, one JSON object per line.
/// </summary>
public static class AskCommand
{
    public static Command Create(BotHost host)
    {
        var question = new Argument<string?>("question") { Description = "要问的问题；配合 --json 省略时逐行读取标准输入", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "输出一行 JSON" };
        var command = new Command("ask", "回答一个问题（只查知识库，不进入对话流程）");
        command.Arguments.Add(question);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var text = parse.GetValue(question);
            var asJson = parse.GetValue(json);
            if (string.IsNullOrWhiteSpace(text) && !asJson)
            {
                error.WriteLine("请给出问题，例如：wecomhelp ask \"个体户最多能加几个人\"（或用 ask --json 从标准输入逐行读取）");
                return 2;
            }

            if (text is not null && text.Trim().Length > BotTexts.MaxMessageLength)
            {
                error.WriteLine($"问题太长（超过 {BotTexts.MaxMessageLength} 字），请缩短后再问");
                return 2;
            }

            using var services = host.Start(parse);

            var answerer = services.GetRequiredService<IKnowledgeAnswerer>();
            if (!string.IsNullOrWhiteSpace(text))
            {
                var answer = answerer.Answer(text.Trim());
                output.WriteLine(asJson ? CliJson.Serialize(AskResult.From(answer)) : Render(answer));
                return 0;
            }

            while (await host.Input.ReadLineAsync(cancellationToken) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var answer = answerer.Answer(line.Trim());
                await output.WriteLineAsync(CliJson.Serialize(AskResult.From(answer)));
                await output.FlushAsync(cancellationToken);
            }

            return 0;
        });
        return command;
    }

    private static string Render(KnowledgeAnswer answer) => answer.Kind switch
    {
        AnswerKind.Answer => answer.Text ?? string.Empty,
        AnswerKind.Clarify => KnowledgeTexts.ClarifyText(answer.Suggestions.Select(s => s.Title)),
        _ => KnowledgeTexts.OutOfScope,
    };

    /// <summary>The DESIGN.md contract of `ask --json`; suggestions are the top candidates, best first.</summary>
    private sealed record AskResult(string Question, bool Answered, string? Answer, string? EntryId, double Score, IReadOnlyList<AskSuggestion> Suggestions)
    {
        public static AskResult From(KnowledgeAnswer answer) => new(
            answer.Question,
            answer.Answered,
            answer.Answered ? answer.Text : null,
            answer.Answered ? answer.EntryId : null,
            answer.Score,
            answer.Suggestions.Select(s => new AskSuggestion(s.EntryId, s.Title, s.Score)).ToList());
    }

    private sealed record AskSuggestion(string EntryId, string Title, double Score);
}
