using System.Text.Json;
using System.Text.RegularExpressions;
using WeComHelpBot.Bot;

namespace WeComHelpBot.Cli.Tests;

/// <summary>
/// Issue #12's "done when": one question of each kind people ask, through `ask --json` with the shipped knowledge base,
/// is answered with the right entry (both sides for a comparison; in English for an English question).
/// </summary>
public sealed partial class AskQuestionKindsTests
{
    /// <summary>Kind, question, the message asked right before it (or null), the entries the answer must show, English.</summary>
    public static TheoryData<string, string, string?, string[], bool> Questions => new()
    {
        { "plain", "企业微信认证要多少钱", null, ["verify-wechat-cert"], false },
        { "colloquial", "企微员工离职了账号咋弄", null, ["security-data-isolation"], false },
        { "typo", "队公打款多久到账", null, ["verify-bank-transfer"], false },
        { "comparison", "公司和个体户各能加多少人", null, ["limit-members-company", "limit-members-sole-proprietor"], false },
        {
            "long",
            "我们公司最近要求所有客服跟客户的聊天都要留底，领导说企业微信可以做到，让我去把这个功能打开，可是我在后台找了半天也没找到，会话存档到底在哪里开啊",
            null,
            ["security-session-archive"],
            false
        },
        { "english", "What documents do I need to register WeCom?", null, ["prep-materials-overview"], true },
        { "traditional", "導入模板要填哪些欄位", null, ["members-template-fields"], false },
        { "followup", "那个体户呢", "公司最多能加多少人", ["limit-members-sole-proprietor"], false },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task AskJson_AnswersEachKindOfQuestionWithTheRightEntry(string kind, string question, string? previous, string[] entryIds, bool english)
    {
        string[] args = previous is null ? ["ask", "--json", question] : ["ask", "--json", "--previous", previous, question];

        var run = await CliRun.RunAsync(args, knowledge: ContentLocator.Find("knowledge"));

        Assert.True(run.ExitCode == 0, $"{kind}: exit {run.ExitCode} {run.Error}");
        using var json = JsonDocument.Parse(Assert.Single(run.OutputLines));
        var root = json.RootElement;
        Assert.True(root.GetProperty("answered").GetBoolean(), $"{kind}: not answered: {run.Output}");
        Assert.Equal(question, root.GetProperty("question").GetString());
        Assert.Equal(entryIds[0], root.GetProperty("entryId").GetString());
        Assert.Equal(entryIds, root.GetProperty("entryIds").EnumerateArray().Select(e => e.GetString()));
        var answer = root.GetProperty("answer").GetString() ?? string.Empty;
        if (english)
        {
            // English words around the Chinese names the entry keeps in brackets (营业执照), not a Chinese answer.
            Assert.Matches(EnglishSentence(), answer);
            Assert.True(Han().Count(answer) * 5 < answer.Length, $"not an English answer: {answer}");
        }
        else
        {
            Assert.Matches(Han(), answer);
        }
    }

    [Fact]
    public async Task AskJson_FollowUpWithoutPrevious_IsNotAnsweredAsTheFollowUp()
    {
        // The same short message alone names no topic: what makes it answerable is the context --previous gives it.
        var run = await CliRun.RunAsync(["ask", "--json", "那个体户呢"], knowledge: ContentLocator.Find("knowledge"));

        using var json = JsonDocument.Parse(Assert.Single(run.OutputLines));
        Assert.NotEqual("limit-members-sole-proprietor", json.RootElement.GetProperty("entryId").GetString());
    }

    [Fact]
    public async Task AskJson_PreviousWithoutQuestion_IsBadUsage()
    {
        var run = await CliRun.RunAsync(["ask", "--json", "--previous", "公司最多能加多少人"], "那个体户呢\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--previous", run.Error);
        Assert.Empty(run.Output);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex(@"\b[A-Za-z]+ [a-z]+ [a-z]+\b")]
    private static partial Regex EnglishSentence();
}
