using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests;

/// <summary>
/// The web chat page in real headless Chromium against the real server on a free 127.0.0.1 port: the Web Chat
/// bundle served by the app, our Direct Line endpoints, the bot. Skipped by hand without Chromium; fails under CI=true.
/// </summary>
public sealed class WebChatBrowserTests
{
    public const string ScreenshotDirectory = "/tmp";

    [SkippableFact]
    public void WebChat_ShowsTheWelcome_AnswersATypedQuestion_AndFollowsAClickedButton()
    {
        using var browser = HeadlessChromium.Start();
        using var server = StartServer(out var address, s => s.AddSingleton<IMessageHandler, ProbeMessageHandler>());
        var page = new WebChatPage(browser);

        browser.Driver.Navigate().GoToUrl(address);

        Assert.Equal("企业微信注册助手", browser.Driver.Title);
        page.WaitForBotMessageContaining("您好，我是企业微信注册助手");

        var before = page.BotMessages().Count;
        page.Send("注册企业微信要准备什么材料");
        Assert.False(string.IsNullOrWhiteSpace(page.WaitForBotMessageAfter(before)));

        page.Send(ProbeMessageHandler.AskForChoices);
        var buttons = page.WaitForButtons();
        Assert.Equal(ProbeMessageHandler.Choices, buttons.Select(b => b.Text.Trim()));
        browser.Screenshot(Path.Combine(ScreenshotDirectory, "wecomhelpbot-webchat-buttons.png"));

        page.Click("有限公司");
        page.WaitForBotMessageContaining(ProbeMessageHandler.ChosenReply("有限公司"));
        browser.Screenshot(Path.Combine(ScreenshotDirectory, "wecomhelpbot-webchat.png"));
    }

    [SkippableFact]
    public void WebChat_UploadedErrorScreenshot_GetsTheDiagnosis()
    {
        Images.ServerImages.RequireOcr();
        using var browser = HeadlessChromium.Start();
        using var server = StartServer(out var address);
        var page = new WebChatPage(browser);
        var file = Path.Combine(Directory.CreateTempSubdirectory("wecomhelpbot-upload-").FullName, "报错截图.png");
        File.WriteAllBytes(file, Images.ServerImages.ErrorScreenshot(Images.ServerImages.DuplicatePhoneError));

        browser.Driver.Navigate().GoToUrl(address);
        page.WaitForBotMessageContaining("您好，我是企业微信注册助手");
        page.Upload(file);

        page.WaitForBotMessageContaining("我从截图里读到");
        page.WaitForBotMessageContaining("已停用");
        browser.Screenshot(Path.Combine(ScreenshotDirectory, "wecomhelpbot-webchat-image.png"));
    }

    /// <summary>The real server on Kestrel at 127.0.0.1 and a free port (a browser cannot reach an in-memory TestServer).</summary>
    internal static HelpBotServerFactory StartServer(out string address, Action<IServiceCollection>? services = null)
    {
        var factory = new HelpBotServerFactory();
        if (services is not null)
        {
            factory.WithServices(services);
        }

        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/";
        return factory;
    }
}
