using WeComHelpBot.Bot;
using WeComHelpBot.Server;

var builder = WebApplication.CreateBuilder(args);
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
