using WeComHelpBot.Bot;
using WeComHelpBot.Server;

// The server's own folder is its content root (appsettings.json, wwwroot/), whatever the working directory; a build in
// the source tree has no wwwroot/ beside it and serves the project's through the static web assets manifest, which
// only Development would use by default.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseStaticWebAssets();
builder.Services.AddHelpBotServer(builder.Configuration);

var app = builder.Build();
try
{
    BotStartupCheck.Run(app.Services);
    app.MapHelpBotEndpoints();
}
catch (Exception ex) when (StartupFailure.Explain(ex) is { } message)
{
    // Broken knowledge/ or dialogs/, or an unusable database file: say which file and line, and do not start.
    Console.Error.WriteLine(message);
    return 2;
}

app.Run();
return 0;
