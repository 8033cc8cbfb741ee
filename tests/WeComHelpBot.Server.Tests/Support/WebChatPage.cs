using OpenQA.Selenium;

namespace WeComHelpBot.Server.Tests.Support;

/// <summary>What a person sees and does on the web chat page, in terms of Web Chat's own DOM.</summary>
internal sealed class WebChatPage(HeadlessChromium browser)
{
    private const string BotBubbles = ".webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content";

    public IReadOnlyList<string> BotMessages() =>
        browser.Driver.FindElements(By.CssSelector(BotBubbles)).Select(e => e.Text).ToList();

    public string WaitForBotMessageContaining(string text) =>
        browser.WaitFor(d => BotMessages().FirstOrDefault(m => m.Contains(text, StringComparison.Ordinal)), $"a bot message containing “{text}”");

    /// <summary>Waits for the bot's next message after the <paramref name="before"/> it had already sent.</summary>
    public string WaitForBotMessageAfter(int before) =>
        browser.WaitFor(d => BotMessages() is { } all && all.Count > before && all[^1].Length > 0 ? all[^1] : null, "the bot's next message");

    public void Send(string text)
    {
        var input = browser.WaitFor(d => d.FindElements(By.CssSelector("[data-id='webchat-sendbox-input']")).FirstOrDefault(e => e.Enabled), "the send box");
        input.Click();
        input.SendKeys(text);
        input.SendKeys(Keys.Enter);
    }

    /// <summary>Chooses <paramref name="path"/> in the upload button's file input, as a person picking a file does.</summary>
    public void Upload(string path)
    {
        var input = browser.WaitFor(d => d.FindElements(By.CssSelector("input[type='file']")).FirstOrDefault(), "the upload button's file input");
        input.SendKeys(path);
    }

    public IReadOnlyList<IWebElement> WaitForButtons() =>
        browser.WaitFor(d => d.FindElements(By.CssSelector("button.webchat__suggested-action")) is { Count: > 0 } buttons ? buttons : null, "suggested-action buttons");

    public void Click(string buttonText)
    {
        var button = browser.WaitFor(
            d => d.FindElements(By.CssSelector("button.webchat__suggested-action")).FirstOrDefault(b => b.Text.Trim() == buttonText),
            $"the “{buttonText}” button");
        button.Click();
    }
}
