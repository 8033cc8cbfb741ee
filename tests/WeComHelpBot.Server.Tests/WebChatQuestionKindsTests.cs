using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests;

/// <summary>
/// Issue #12's "done when" in the web chat: in one conversation on the real page (headless Chromium, the real server
/// with the shipped knowledge), a question of each kind gets the answer it asks for. Skipped by hand without Chromium.
/// </summary>
public sealed class WebChatQuestionKindsTests
{
    /// <summary>
    /// Kind, what the user types, and texts of the answer that one bot message must hold together: the answer's own
    /// sentences, not words a related-topic list after an earlier answer could also show.
    /// </summary>
    private static readonly (string Kind, string Question, string[] Facts)[] Conversation =
    [
        ("plain", "公司最多能加多少人", ["初始最多可以添加 200 个成员"]),
        ("followup", "那个体户呢", ["个体工商户注册后，初始最多可以添加 50 个成员"]),
        ("plain", "企业微信认证要多少钱", ["300 元审核费"]),
        ("colloquial", "企微员工离职了账号咋弄", ["员工离职后自动退出企业"]),
        ("typo", "队公打款多久到账", ["1–2 个工作日，要等银行流水确认"]),
        ("comparison", "公司和个体户各能加多少人", ["企业类型注册后，初始最多可以添加 200 个成员", "个体工商户注册后，初始最多可以添加 50 个成员"]),
        (
            "long",
            "我们公司最近要求所有客服跟客户的聊天都要留底，领导说企业微信可以做到，让我去把这个功能打开，可是我在后台找了半天也没找到，会话存档到底在哪里开啊",
            ["「管理后台」→「应用管理」"]
        ),
        ("english", "What documents do I need to register WeCom?", ["WeCom is registered as a legal entity", "Business licence"]),
        ("traditional", "導入模板要填哪些欄位", ["模板里的必填项"]),
    ];

    [SkippableFact]
    public void WebChat_AnswersAQuestionOfEachKind_InOneConversation()
    {
        using var browser = HeadlessChromium.Start();
        using var server = WebChatBrowserTests.StartServer(out var address);
        var page = new WebChatPage(browser);

        browser.Driver.Navigate().GoToUrl(address);
        page.WaitForBotMessageContaining("您好，我是企业微信注册助手");

        foreach (var (kind, question, facts) in Conversation)
        {
            var before = page.BotMessages().Count;
            page.Send(question);
            // Only messages after the question count: the answer to an earlier one may hold the same figures.
            var answer = browser.WaitFor(
                d => page.BotMessages().Skip(before).FirstOrDefault(m => facts.All(f => m.Contains(f, StringComparison.Ordinal))),
                $"the {kind} answer to “{question}” with “{string.Join("”, “", facts)}”");
            Assert.False(string.IsNullOrWhiteSpace(answer));
        }

        browser.Screenshot(Path.Combine(WebChatBrowserTests.ScreenshotDirectory, "wecomhelpbot-webchat-kinds.png"));
    }
}
