using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace WeComHelpBot.Server.Tests.Support;

/// <summary>
/// Debian's chromium + chromium-driver, headless, quiet (no first-run, sync, update or QUIC traffic) and with a fresh
/// profile each time. Skipped by hand when they are missing; a failure under CI=true.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    private const string BrowserPath = "/usr/bin/chromium";
    private const string DriverPath = "/usr/bin/chromedriver";

    private readonly string profileDirectory = Path.Combine(Path.GetTempPath(), "wecomhelpbot-chromium-" + Guid.NewGuid().ToString("N"));

    private HeadlessChromium()
    {
        Directory.CreateDirectory(profileDirectory);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--lang=zh-CN",
            "--window-size=1000,900",
            $"--user-data-dir={profileDirectory}");
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public ChromeDriver Driver { get; }

    public static HeadlessChromium Start()
    {
        Prerequisite.Require(
            File.Exists(BrowserPath) && File.Exists(DriverPath),
            "Chromium or its driver (/usr/bin/chromium, /usr/bin/chromedriver)",
            "Install them with `apt-get install -y chromium chromium-driver`.");
        return new HeadlessChromium();
    }

    /// <summary>Polls until <paramref name="probe"/> returns a value (bounded), failing with <paramref name="what"/>.</summary>
    public T WaitFor<T>(Func<IWebDriver, T?> probe, string what, int seconds = 30)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                if (probe(Driver) is { } found)
                {
                    return found;
                }
            }
            catch (WebDriverException) when (DateTime.UtcNow < deadline)
            {
                // The page re-rendered under us (stale element): look again.
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Timed out after {seconds} s waiting for {what}. Page text: {SafePageText()}");
            }

            Thread.Sleep(100);
        }
    }

    public void Screenshot(string path) => Driver.GetScreenshot().SaveAsFile(path);

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(profileDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile on the way out.
        }
    }

    private string SafePageText()
    {
        try
        {
            return Driver.FindElement(By.TagName("body")).Text;
        }
        catch (WebDriverException)
        {
            return "(unavailable)";
        }
    }
}
