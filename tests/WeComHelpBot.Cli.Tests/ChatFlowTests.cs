using System.Text.Json;
using WeComHelpBot.Bot;

namespace WeComHelpBot.Cli.Tests;

/// <summary>
/// Each shipped flow driven end to end through `wecomhelp chat --jsonl` with the real knowledge base and dialogs/,
/// answered the way people type: completed, cancelled, asked for help, and interrupted by a question.
/// </summary>
public sealed class ChatFlowTests
{
    /// <summary>A script: user lines, and for the turn at the same index the texts its replies must contain.</summary>
    public static TheoryData<string, string[], string[][]> Scripts => new()
    {
        {
            "preparation-check: 个体户 with missing documents",
            ["要准备什么材料帮我对一下", "个体户", "还没办下来", "有的", "没有实名", "没有"],
            [["什么主体"], ["经营者身份证", "50"], [], [], [], ["还差这些", "营业执照"]]
        },
        {
            "verification-advisor: in a hurry, needs payments, legal person has WeChat",
            ["帮我选一下验证方式", "挺急的这周就要用", "要的 得收款", "有的", "可以", "有"],
            [["您多快需要用上企业微信"], ["收款"], ["法定代表人本人有微信"], ["刷脸"], ["对公银行账户"], ["微信认证", "1–3 个工作日", "300 元"]]
        },
        {
            "registration-walkthrough: a problem at stage 2, a mistyped credit code, and back",
            ["我想一步一步注册", "做完了", "校验失败了", "法人信息校验失败", "不一样", "9135 0100 MOOO 1OOY 43", "91350100M000100Y43", "不用了", "是本人", "能解决", "搞定"],
            [["第 1 步完成了吗"], ["第 2 步完成了吗"], ["遇到了什么问题"], ["一字不差吗"], ["统一社会信用代码"], ["“O”", "“0”"], ["校验位都对"], ["本人扫的吗"], [], ["回到第 2 步"], ["第 3 步"]]
        },
        {
            "member-import: 三百人的公司 gets the template and a limit warning",
            ["员工怎么导入帮我看看", "我们是有限公司", "大概三百人"],
            [["什么主体"], ["多少人"], ["模板导入", "1000", "200"]]
        },
        {
            "troubleshooting: bank transfer made five working days ago is late",
            ["打款一直没到账帮我看看", "打了有5个工作日了"],
            [["哪天打的"], ["超过了正常的 1–2 个工作日"]]
        },
        {
            "verification-advisor: hedged answers, a correction, then the advice",
            ["帮我选一下验证方式", "不着急", "暂时用不着", "老板那边应该没问题", "刚才选错了，其实很急", "不太方便，他在外地", "有的"],
            [["您多快需要用上企业微信"], ["需要在企业微信里收款"], ["法定代表人本人有微信"], ["刷脸吗"], ["改成“很急，越快越好”", "刷脸吗"], ["对公银行账户吗"], ["推荐您用：对公打款"]]
        },
        {
            "troubleshooting: a description picks the problem, a hand-over inside a complaint",
            ["帮我排查一下注册问题", "提交的时候说企业名称对不上", "真麻烦，找个人帮我"],
            [["遇到了什么问题"], ["一字不差吗"], ["我帮您转人工客服", "要反馈的问题：法人信息校验失败"]]
        },
        {
            "after-registration: the setup order step by step",
            ["注册完了接下来做什么", "好了", "下一项"],
            [["组织架构 → 应用接入 → 安全设置 → 对外展示"], ["应用接入"], ["安全设置"]]
        },
        {
            "help, a free question, and cancel in the middle of a flow",
            ["帮我排查一下注册问题", "帮助", "个体户最多能加几个人", "取消", "个体户最多能加几个人"],
            [["遇到了什么问题"], ["遇到了什么问题"], ["50", "遇到了什么问题"], ["已退出"], ["50"]]
        },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Flow_ThroughChatJsonl(string name, string[] user, string[][] expected)
    {
        var run = await CliRun.RunAsync(["chat", "--jsonl"], string.Join("\n", user) + "\n", knowledge: ContentLocator.Find("knowledge"));

        Assert.True(run.ExitCode == 0, $"{name}: exit {run.ExitCode}: {run.Error}");
        var lines = run.OutputLines;
        Assert.Equal(user.Length, lines.Length);
        for (var i = 0; i < user.Length; i++)
        {
            using var turn = JsonDocument.Parse(lines[i]);
            Assert.Equal(user[i], turn.RootElement.GetProperty("user").GetString());
            var replies = string.Join("\n", turn.RootElement.GetProperty("replies").EnumerateArray().Select(r => r.GetString()));
            foreach (var text in expected[i])
            {
                Assert.True(replies.Contains(text, StringComparison.Ordinal), $"{name}, turn {i + 1} “{user[i]}”: expected “{text}” in:\n{replies}");
            }
        }
    }

    [Fact]
    public async Task PausedFlow_ResumesInALaterRun_OfTheSameConversation()
    {
        var data = Path.Combine(Path.GetTempPath(), "wecomhelp-cli-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var first = await CliRun.RunAsync(["chat", "--jsonl", "--conversation", "pause-1"], "帮我选一下验证方式\n不急\n我晚点再弄\n", ContentLocator.Find("knowledge"), data: data);
            Assert.Contains("说“继续”", first.OutputLines[^1]);

            var second = await CliRun.RunAsync(["chat", "--jsonl", "--conversation", "pause-1"], "继续\n不需要\n", ContentLocator.Find("knowledge"), data: data);

            Assert.Contains("需要在企业微信里收款", second.OutputLines[0]);
            Assert.Contains("法定代表人本人有微信", second.OutputLines[1]);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
