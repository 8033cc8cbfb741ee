using WeComHelpBot.Server;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHelpBotServer(builder.Configuration);

var app = builder.Build();
app.MapHelpBotEndpoints();
app.Run();
