using System.Text.Json;

namespace WeComHelpBot.Bench.Floor;

/// <summary>Reads and parses the posted activity, answers one fixed reply: the cost of HTTP and JSON alone.</summary>
public static class BareEndpoint
{
    public static async Task HandleAsync(HttpRequest request, HttpResponse response)
    {
        using var activity = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        var text = activity.RootElement.TryGetProperty("text", out var t) ? t.GetString() : null;
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsJsonAsync(new { activities = new[] { new { type = "message", text = $"收到：{text}" } } }, request.HttpContext.RequestAborted);
    }
}
