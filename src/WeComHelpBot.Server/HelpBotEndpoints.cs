using WeComHelpBot.Server.BotFramework;
using WeComHelpBot.Server.DirectLine;
using WeComHelpBot.Server.Desk;
using WeComHelpBot.Server.LocalAccess;
using WeComHelpBot.Server.Readiness;
using WeComHelpBot.Server.Telemetry;
using WeComHelpBot.Server.WeCom;
using WeComHelpBot.Storage;

namespace WeComHelpBot.Server;

public static class HelpBotEndpoints
{
    /// <summary>GET / (web chat), /healthz, /readyz, POST /api/messages, the Direct Line subset under /v3/directline, /wecom/callback, and the local support endpoint.</summary>
    public static WebApplication MapHelpBotEndpoints(this WebApplication app)
    {
        // First, so the rate limits, the local-mode check and the logs see the client a trusted reverse proxy forwarded for.
        app.UseForwardedHeaders();
        app.UseSupportConsole();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        // After routing (which WebApplication runs first), so each endpoint's own policy applies; see DirectLineRateLimiting.
        app.UseRateLimiter();

        // 503 when the database cannot be read or written (damaged, removed or read-only under the running server).
        app.MapGet("/healthz", async (StorageHealth storage, CancellationToken cancellationToken) =>
            await storage.CheckAsync(cancellationToken) ? Results.Text("ok") : Results.Text("storage unavailable", statusCode: 503));
        app.MapReadiness();
        app.MapServerTelemetry();

        var messages = app.Services.GetRequiredService<BotMessagesEndpoint>();
        app.MapPost("/api/messages", messages.HandleAsync);

        app.Services.GetRequiredService<DirectLineEndpoints>().Map(app.MapGroup("/v3/directline"));

        var weCom = app.Services.GetRequiredService<WeComEndpoints>();
        app.MapGet("/wecom/callback", weCom.VerifyUrlAsync);
        app.MapPost("/wecom/callback", weCom.ReceiveAsync);
        app.MapSupportConsole();

        app.Services.GetRequiredService<LocalAccessEndpoints>().Map(app);
        return app;
    }
}
