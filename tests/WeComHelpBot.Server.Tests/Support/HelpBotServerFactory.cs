using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace WeComHelpBot.Server.Tests.Support;

/// <summary>
/// The real server (Program) in memory, with its data in a fresh temporary folder and WeCom configured with the
/// official vector B settings. Tests add settings and services before the first request.
/// </summary>
public sealed class HelpBotServerFactory : WebApplicationFactory<Program>
{
    public const string CorpId = "ww1436e0e65a779aee";
    public const string Token = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    public const string EncodingAesKey = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    public const int AgentId = 1000002;

    private readonly Dictionary<string, string?> settings = new()
    {
        ["WeCom:CorpId"] = CorpId,
        ["WeCom:Token"] = Token,
        ["WeCom:EncodingAESKey"] = EncodingAesKey,
        ["WeCom:AgentId"] = AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["WeCom:Secret"] = "test-secret",
        ["WeCom:ApiBaseUrl"] = "http://127.0.0.1:9",
    };

    private readonly List<Action<IServiceCollection>> serviceChanges = [];

    public HelpBotServerFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "wecomhelpbot-server-tests", Guid.NewGuid().ToString("N"));
        settings["Storage:Directory"] = DataDirectory;
    }

    public string DataDirectory { get; }

    /// <summary>
    /// Starts a server made by <paramref name="create"/> on a data folder a server just stopped using, as a restart does:
    /// the stopped host may take a moment to let go of the database file (the default Direct mode opens it exclusively),
    /// so a few bounded tries, as a service manager's restart would make.
    /// </summary>
    public static (HelpBotServerFactory Factory, HttpClient Client) StartRestarted(Func<HelpBotServerFactory> create)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = create();
            try
            {
                return (server, server.CreateClient());
            }
            catch (Exception) when (attempt < 5)
            {
                server.Dispose();
                Thread.Sleep(500);
            }
        }
    }

    public HelpBotServerFactory WithSetting(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    public HelpBotServerFactory WithServices(Action<IServiceCollection> change)
    {
        serviceChanges.Add(change);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            foreach (var change in serviceChanges)
            {
                change(services);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still open on the way down: the temp folder is cleaned by the OS.
        }
    }
}
