using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using WeComHelpBot.Channels.WeCom;

namespace WeComHelpBot.Channels.WeComKf;

/// <summary>
/// The 微信客服 calls the bot makes: kf/sync_msg, kf/send_msg, kf/send_msg_on_event and kf/service_state/trans, with
/// the app's cached access token (renewed once when WeCom calls it invalid or expired). Logs nothing of the bodies.
/// </summary>
public sealed class WeComKfClient
{
    private readonly HttpClient http;
    private readonly WeComApiClient tokens;
    private readonly WeComOptions options;

    public WeComKfClient(HttpClient http, WeComApiClient tokens, IOptions<WeComOptions> options)
    {
        this.http = http;
        this.tokens = tokens;
        this.options = options.Value;
    }

    /// <summary>One page of kf/sync_msg for <paramref name="openKfId"/> after <paramref name="cursor"/>.</summary>
    /// <summary>A customer's image or file through media/get (the app's token and media limits); null when it cannot be had.</summary>
    public Task<WeComMedia?> TryDownloadMediaAsync(string? mediaId, CancellationToken cancellationToken = default) =>
        tokens.TryDownloadMediaAsync(mediaId, cancellationToken);

    public async Task<WeComKfSyncPage> SyncAsync(string? cursor, string? token, string openKfId, int limit = 1000, CancellationToken cancellationToken = default)
    {
        var request = new JsonObject
        {
            ["cursor"] = cursor ?? string.Empty,
            ["token"] = token ?? string.Empty,
            ["limit"] = limit,
            ["voice_format"] = 0,
            ["open_kfid"] = openKfId,
        };
        using var response = await PostAsync("kf/sync_msg", request, cancellationToken);
        return WeComKfSyncPage.Parse(response.RootElement);
    }

    /// <summary>kf/send_msg of <paramref name="message"/> (a "text" or "msgmenu" body from <see cref="WeComKfMessages"/>).</summary>
    public async Task SendAsync(string externalUserId, string openKfId, JsonObject message, CancellationToken cancellationToken = default)
    {
        message["touser"] = externalUserId;
        message["open_kfid"] = openKfId;
        using var _ = await PostAsync("kf/send_msg", message, cancellationToken);
    }

    /// <summary>kf/send_msg_on_event with the one-time <paramref name="code"/> of an event (welcome_code, msg_code).</summary>
    public async Task SendOnEventAsync(string code, JsonObject message, CancellationToken cancellationToken = default)
    {
        message["code"] = code;
        using var _ = await PostAsync("kf/send_msg_on_event", message, cancellationToken);
    }

    /// <summary>kf/service_state/trans: moves the customer's session to <paramref name="serviceState"/>.</summary>
    public async Task TransferAsync(string openKfId, string externalUserId, int serviceState, string? servicerUserId, CancellationToken cancellationToken = default)
    {
        var request = new JsonObject
        {
            ["open_kfid"] = openKfId,
            ["external_userid"] = externalUserId,
            ["service_state"] = serviceState,
        };
        if (!string.IsNullOrEmpty(servicerUserId))
        {
            request["servicer_userid"] = servicerUserId;
        }

        using var _ = await PostAsync("kf/service_state/trans", request, cancellationToken);
    }

    private async Task<JsonDocument> PostAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(rejected: null, cancellationToken);
        var result = await PostOnceAsync(path, token, body, cancellationToken);
        var errcode = ErrorCode(result);
        if (errcode is 40014 or 42001)
        {
            result.Dispose();
            token = await tokens.GetAccessTokenAsync(rejected: token, cancellationToken);
            result = await PostOnceAsync(path, token, body, cancellationToken);
            errcode = ErrorCode(result);
        }

        if (errcode != 0)
        {
            var message = result.RootElement.TryGetProperty("errmsg", out var m) ? m.GetString() : null;
            result.Dispose();
            throw new WeComApiException(errcode, message);
        }

        return result;
    }

    private async Task<JsonDocument> PostOnceAsync(string path, string token, JsonObject body, CancellationToken cancellationToken)
    {
        var url = $"{options.ApiBaseUrl.TrimEnd('/')}/cgi-bin/{path}?access_token={Uri.EscapeDataString(token)}";
        using var response = await http.PostAsJsonAsync(url, body, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
    }

    private static int ErrorCode(JsonDocument document) =>
        document.RootElement.TryGetProperty("errcode", out var e) && e.TryGetInt32(out var code) ? code : 0;
}
