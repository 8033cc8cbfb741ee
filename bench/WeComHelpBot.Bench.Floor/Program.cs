using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using WeComHelpBot.Bench.Floor;

// Floor__Mode=bare: read the body, answer a fixed expectReplies body (HTTP and JSON only).
// Floor__Mode=adapter: Bot Builder's CloudAdapter and an echo bot that keeps a turn count in ConversationState on MemoryStorage.
// Floor__Mode=adapter-shared: the same behind the server's shared connector clients (what WeComHelpBot.Server runs).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var mode = builder.Configuration["Floor:Mode"] ?? "adapter";
builder.Services.AddHttpClient();
builder.Services.AddSingleton<BotFrameworkAuthentication>(sp =>
{
    var stock = new ConfigurationBotFrameworkAuthentication(sp.GetRequiredService<IConfiguration>(), httpClientFactory: sp.GetRequiredService<IHttpClientFactory>());
    return mode == "adapter-shared"
        ? new WeComHelpBot.Server.BotFramework.SharedClientsBotFrameworkAuthentication(stock, new WeComHelpBot.Server.BotFramework.ConnectorClientCache(TimeProvider.System))
        : stock;
});
builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<CloudAdapter>>()));
builder.Services.AddSingleton<IStorage, MemoryStorage>();
builder.Services.AddSingleton<ConversationState>();
builder.Services.AddSingleton<IBot, EchoBot>();

var app = builder.Build();
if (mode == "bare")
{
    app.MapPost("/api/messages", BareEndpoint.HandleAsync);
}
else
{
    app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot) =>
        adapter.ProcessAsync(request, response, bot, request.HttpContext.RequestAborted));
}

app.Run();
