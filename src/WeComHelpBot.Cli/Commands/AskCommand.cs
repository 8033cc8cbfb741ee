using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Cli.Commands;

/// <summary>
/// `wecomhelp ask "问题"` prints the answer; `--json` prints
/// {"question","answered","answer","entryId","score","suggestions":[{"entryId","title","score"}],"entryIds"};
/// `ask --json` without a question answers every non-blank stdin line, one JSON object per line.
/// `--previous "上一个问题"` reads the question as the next message after that one, in the same conversation.
/// </summary>
public static class AskCommand
{
    public static Command Create(BotHost host)
    {
        var question = new Argument<string?>("question") { Description = "要问的问题；配合 --json 省略时逐行读取标准输入", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "输出一行 JSON" };
        var previous = new Option<string?>("--previous") { Description = "同一对话里紧挨着前面问的那句话：问题按它的追问来理解（如 --previous \"公司最多能加多少人\" \"那个体户呢\"）" };
        var command = new Command("ask", "回答一个问题（只查知识库，不进入对话流程）");
        command.Arguments.Add(question);
        command.Options.Add(json);
        command.Options.Add(previous);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var text = parse.GetValue(question);
            var asJson = parse.GetValue(json);
            var before = parse.GetValue(previous);
            if (string.IsNullOrWhiteSpace(text) && !asJson)
            {
                error.WriteLine("请给出问题，例如：wecomhelp ask \"个体户最多能加几个人\"（或用 ask --json 从标准输入逐行读取）");
                return 2;
            }

            if (string.IsNullOrWhiteSpace(text) && before is not null)
            {
                error.WriteLine("--previous 要和一个问题一起用，例如：wecomhelp ask --previous \"公司最多能加多少人\" \"那个体户呢\"");
                return 2;
            }

            if (new[] { text, before }.Any(t => t is not null && t.Trim().Length > BotTexts.MaxMessageLength))
            {
                error.WriteLine($"问题太长（超过 {BotTexts.MaxMessageLength} 字），请缩短后再问");
                return 2;
            }

            using var services = host.Start(parse);

            var answerer = services.GetRequiredService<IKnowledgeAnswerer>();
            if (!string.IsNullOrWhiteSpace(text))
            {
                // The previous message is answered as the bot would have answered it, and not shown: only the context it leaves counts.
                var context = string.IsNullOrWhiteSpace(before) ? null : FollowUpContext.After(before.Trim(), answerer.Answer(before.Trim()));
                var answer = answerer.Answer(text.Trim(), context);
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
    /// <remarks><c>entryIds</c> (added after the contract's fields): the entries the answer shows, two for a comparison answered side by side.</remarks>
    private sealed record AskResult(string Question, bool Answered, string? Answer, string? EntryId, double Score, IReadOnlyList<AskSuggestion> Suggestions, IReadOnlyList<string> EntryIds)
    {
        public static AskResult From(KnowledgeAnswer answer) => new(
            answer.Question,
            answer.Answered,
            answer.Answered ? answer.Text : null,
            answer.Answered ? answer.EntryId : null,
            answer.Score,
            answer.Suggestions.Select(s => new AskSuggestion(s.EntryId, s.Title, s.Score)).ToList(),
            !answer.Answered ? [] : answer.EntryIds.Count > 0 ? answer.EntryIds : answer.EntryId is { } id ? [id] : []);
    }

    private sealed record AskSuggestion(string EntryId, string Title, double Score);
}
