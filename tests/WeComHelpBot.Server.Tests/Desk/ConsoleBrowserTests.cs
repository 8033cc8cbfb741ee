using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using WeComHelpBot.Analytics;
using WeComHelpBot.Desk;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Server.Tests.Support;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Server.Tests.Desk;

/// <summary>
/// The support console in real headless Chromium against the real server on 127.0.0.1: sign-in, the inbox, a live
/// reply reaching a web chat user and the hand-back, the dashboard's charts, and accepting a content gap. Screenshots
/// at desktop and phone widths go to /tmp. Skipped by hand without Chromium; fails under CI=true.
/// </summary>
public sealed class ConsoleBrowserTests : IDisposable
{
    private const string Lead = "laoli";
    private const string LeadPassword = "Lead-pass-2026";
    private const int PhoneWidth = 390;

    private readonly string knowledgeCopy = Path.Combine(Path.GetTempPath(), "wecomhelpbot-console-knowledge-" + Guid.NewGuid().ToString("N"));

    public ConsoleBrowserTests()
    {
        // Accepting a gap writes knowledge files: the server works on a copy, never on the repository's knowledge/.
        Directory.CreateDirectory(knowledgeCopy);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "knowledge"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(knowledgeCopy, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(knowledgeCopy, recursive: true);

    [SkippableFact]
    public void LiveReply_ReachesTheWebChatUser_TheBotStaysQuiet_AndTakesOverAgainWhenHandedBack()
    {
        using var browser = HeadlessChromium.Start();
        using var server = StartServer(out var address);
        AddLead(server);
        var chat = new WebChatPage(browser);
        var driver = browser.Driver;

        // A web chat user asks for a person and leaves a ticket.
        driver.Navigate().GoToUrl(address);
        chat.WaitForBotMessageContaining("您好，我是企业微信注册助手");
        chat.Send("转人工");
        chat.WaitForBotMessageContaining("遇到了什么问题");
        chat.Send("打款验证一直过不了，页面说超时");
        chat.WaitForBotMessageContaining("全称");
        chat.Send("福州某某科技有限公司");
        chat.WaitForBotMessageContaining("手机号");
        chat.Send("13812345678");
        chat.WaitForBotMessageContaining("工单已提交");
        var number = Assert.Single(server.Services.GetRequiredService<TicketService>().ListAsync().GetAwaiter().GetResult()).Number;
        var chatTab = driver.CurrentWindowHandle;

        // The lead signs in in another tab, finds it in the inbox and answers.
        driver.SwitchTo().NewWindow(WindowType.Tab);
        SignIn(browser, address);
        var row = browser.WaitFor(d => d.FindElements(By.CssSelector($"#tickets tr[data-id='{number}']")).FirstOrDefault(), "the new ticket in the inbox");
        Assert.Contains("未读", row.Text);
        Assert.Contains("福州某某科技有限公司", row.Text);
        Screenshots(browser, "inbox");
        row.FindElement(By.TagName("a")).Click();
        browser.WaitFor(d => d.FindElement(By.Id("title")).Text.Contains(number, StringComparison.Ordinal) ? "ok" : null, "the ticket page");
        driver.FindElement(By.Id("reply")).SendKeys("您好，我是客服老李，打款的事我来帮您查。");
        driver.FindElement(By.Id("send")).Click();
        browser.WaitFor(d => d.FindElement(By.Id("held")).Text.Contains("接手中", StringComparison.Ordinal) ? "held" : null, "the conversation held by the agent");

        driver.SwitchTo().Window(chatTab);
        chat.WaitForBotMessageContaining("您好，我是客服老李，打款的事我来帮您查。");

        // While the agent holds it, the bot does not answer: the message reaches the console instead.
        var before = chat.BotMessages().Count;
        chat.Send("个体户最多能加几个人");
        driver.SwitchTo().Window(driver.WindowHandles.Single(h => h != chatTab));
        browser.WaitFor(d => d.FindElement(By.Id("transcript")).Text.Contains("个体户最多能加几个人", StringComparison.Ordinal) ? "ok" : null, "the user's message in the console");
        Screenshots(browser, "ticket");
        driver.SwitchTo().Window(chatTab);
        Thread.Sleep(1000);
        Assert.Equal(before, chat.BotMessages().Count);

        // Handed back: the user is told, and the bot answers again.
        driver.SwitchTo().Window(driver.WindowHandles.Single(h => h != chatTab));
        driver.FindElement(By.Id("release")).Click();
        driver.SwitchTo().Window(chatTab);
        chat.WaitForBotMessageContaining(DeskTexts.HandedBack);
        var afterRelease = chat.BotMessages().Count;
        chat.Send("个体户最多能加几个人");
        Assert.False(string.IsNullOrWhiteSpace(chat.WaitForBotMessageAfter(afterRelease)));
    }

    [SkippableFact]
    public void Dashboard_DrawsItsCharts_FromTheRecordedFigures()
    {
        using var browser = HeadlessChromium.Start();
        using var server = StartServer(out var address);
        AddLead(server);
        var analytics = server.Services.GetRequiredService<SupportAnalytics>();
        Record(analytics, "c1", "webchat", a => a.RecordKnowledgeAnsweredAsync("c1", "verify-face", 0.9, "人脸识别老失败咋办"), a => a.RecordFeedbackAsync("c1", "verify-face", "人脸识别老失败咋办", helpful: true));
        Record(analytics, "c2", "wecom", a => a.RecordKnowledgeAnsweredAsync("c2", "verify-bank-transfer", 0.7, "打款多久到"), a => a.RecordFeedbackAsync("c2", "verify-bank-transfer", "打款多久到", helpful: false));
        Record(analytics, "c3", "wecom", a => a.RecordQuestionUnansweredAsync("c3", "海外公司能注册吗", 0.1, lowConfidence: false), a => a.RecordHumanHandoffRequestedAsync("c3", "转人工"));

        SignIn(browser, address);
        browser.Driver.Navigate().GoToUrl(address + "console/dashboard.html");
        browser.WaitFor(d => d.FindElement(By.TagName("body")).GetAttribute("data-drawn") == "true" ? "drawn" : null, "the dashboard drawn");

        foreach (var canvas in new[] { "perDay", "outcomes", "perChannel" })
        {
            var points = browser.Driver.ExecuteScript($"const c = Chart.getChart('{canvas}'); return c ? c.data.datasets.reduce((n, d) => n + d.data.length, 0) : -1;");
            Assert.True(Convert.ToInt64(points, System.Globalization.CultureInfo.InvariantCulture) > 0, $"chart {canvas} has no data ({points})");
            Assert.True(browser.Driver.FindElement(By.Id(canvas)).Size.Width > 100, $"chart {canvas} is not drawn");
        }

        var tiles = browser.Driver.FindElement(By.Id("tiles")).Text;
        Assert.Contains("解决率", tiles);
        Assert.Contains("确认 1", tiles);
        Assert.Contains("海外公司能注册吗", browser.Driver.FindElement(By.Id("topUnanswered")).Text);
        Assert.Contains("打款多久到", browser.Driver.FindElement(By.Id("topNotHelpful")).Text);
        Assert.DoesNotContain("打款多久到", browser.Driver.FindElement(By.Id("topUnanswered")).Text);
        Screenshots(browser, "dashboard");
    }

    [SkippableFact]
    public void AcceptingAGap_MakesTheRunningBotAnswerIt_AndIsAudited()
    {
        const string question = "认证费能开发票吗抬头写公司名"; // a real gap: the guide says nothing about invoices
        using var browser = HeadlessChromium.Start();
        using var server = StartServer(out var address);
        AddLead(server);
        var analytics = server.Services.GetRequiredService<SupportAnalytics>();
        for (var i = 0; i < 3; i++)
        {
            analytics.RecordQuestionUnansweredAsync($"g{i}", question, 0.2, lowConfidence: true).GetAwaiter().GetResult();
        }

        Assert.NotEqual("verify-wechat-cert", server.Services.GetRequiredService<IKnowledgeAnswerer>().Answer(question).EntryId);

        SignIn(browser, address);
        browser.Driver.Navigate().GoToUrl(address + "console/gaps.html");
        var card = browser.WaitFor(d => d.FindElements(By.CssSelector("section.gap")).FirstOrDefault(c => c.Text.Contains(question, StringComparison.Ordinal)), "the gap group");
        Screenshots(browser, "gaps");
        var entry = card.FindElement(By.CssSelector("input[name=entryId]"));
        entry.Clear();
        entry.SendKeys("verify-wechat-cert");
        card.FindElement(By.CssSelector("button[name=accept]")).Click();
        browser.WaitFor(d => card.FindElement(By.CssSelector(".result")).Text.Contains("已加进条目 verify-wechat-cert", StringComparison.Ordinal) ? "saved" : null, "the gap accepted");

        Assert.Equal("verify-wechat-cert", server.Services.GetRequiredService<IKnowledgeAnswerer>().Answer(question).EntryId);
        Assert.Contains(question, File.ReadAllText(Path.Combine(knowledgeCopy, "certification.yaml")));
        var audit = server.Services.GetRequiredService<IAuditLog>().ListAsync(50).GetAwaiter().GetResult();
        Assert.Contains(audit, e => e.User == Lead && e.Action == "gap-accept" && e.Target == "verify-wechat-cert");
    }

    private static void Record(SupportAnalytics analytics, string conversation, string channel, params Func<SupportAnalytics, Task>[] steps)
    {
        analytics.RecordConversationStartedAsync(conversation, channel).GetAwaiter().GetResult();
        foreach (var step in steps)
        {
            step(analytics).GetAwaiter().GetResult();
        }
    }

    private static void AddLead(HelpBotServerFactory server) =>
        server.Services.GetRequiredService<DeskAccounts>().AddAsync(Lead, DeskRole.Lead, LeadPassword).GetAwaiter().GetResult();

    private static void SignIn(HeadlessChromium browser, string address)
    {
        browser.Driver.Navigate().GoToUrl(address + "console/");
        browser.WaitFor(d => d.Url.Contains("login.html", StringComparison.Ordinal) ? "login" : null, "the sign-in page");
        browser.Driver.FindElement(By.Id("user")).SendKeys(Lead);
        browser.Driver.FindElement(By.Id("password")).SendKeys(LeadPassword);
        browser.Driver.FindElement(By.Id("submit")).Click();
        browser.WaitFor(d => d.FindElement(By.Id("who")).Text.Contains(Lead, StringComparison.Ordinal) ? "signed in" : null, "the inbox after sign-in");
    }

    /// <summary>The whole page as a person sees it, at desktop and phone widths.</summary>
    private static void Screenshots(HeadlessChromium browser, string name)
    {
        var window = browser.Driver.Manage().Window;
        var size = window.Size;
        foreach (var (width, suffix) in new[] { (size.Width, string.Empty), (PhoneWidth, "-phone") })
        {
            window.Size = new System.Drawing.Size(width, size.Height);
            Thread.Sleep(300);
            var height = Convert.ToInt32(browser.Driver.ExecuteScript("return document.documentElement.scrollHeight;"), System.Globalization.CultureInfo.InvariantCulture);
            window.Size = new System.Drawing.Size(width, Math.Min(Math.Max(height + 120, size.Height), 4000));
            Thread.Sleep(300);
            browser.Screenshot(Path.Combine(WebChatBrowserTests.ScreenshotDirectory, $"wecomhelpbot-console-{name}{suffix}.png"));
        }

        window.Size = size;
    }

    private HelpBotServerFactory StartServer(out string address)
    {
        var factory = new HelpBotServerFactory().WithSetting("Knowledge:Directory", knowledgeCopy);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/";
        return factory;
    }
}
