using WeComHelpBot.Channels.WeCom;

namespace WeComHelpBot.Server.WeCom;

/// <summary>GET|POST /wecom/callback: hands the raw query and body to <see cref="WeComCallbackHandler"/> and writes its answer.</summary>
public sealed class WeComEndpoints(WeComCallbackHandler handler)
{
    public Task VerifyUrlAsync(HttpContext context) =>
        WriteAsync(context.Response, handler.VerifyUrl(WeComQuery.Parse(context.Request.QueryString.Value)));

    public async Task ReceiveAsync(HttpContext context)
    {
        if (!handler.IsConfigured)
        {
            await WriteAsync(context.Response, WeComCallbackResult.Rejected(StatusCodes.Status404NotFound, "WeCom callback is not configured"));
            return;
        }

        // Refuse an oversized body before reading it, let alone decrypting it.
        var body = await RequestBody.ReadAsync(context.Request, handler.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            await WriteAsync(context.Response, WeComCallbackResult.Rejected(StatusCodes.Status413PayloadTooLarge, "body too large"));
            return;
        }

        var query = WeComQuery.Parse(context.Request.QueryString.Value);
        await WriteAsync(context.Response, await handler.HandleMessageAsync(query, body, context.RequestAborted));
    }

    private static async Task WriteAsync(HttpResponse response, WeComCallbackResult result)
    {
        response.StatusCode = result.StatusCode;
        response.ContentType = result.ContentType;
        if (result.Body.Length > 0)
        {
            await response.WriteAsync(result.Body, response.HttpContext.RequestAborted);
        }
    }
}
