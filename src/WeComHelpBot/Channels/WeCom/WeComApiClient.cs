using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WeComHelpBot.Channels.WeCom;

/// <summary>
/// Sends text to members through message/send. The access token from gettoken is cached for the app, renewed
/// five minutes before it expires and at once when WeCom calls it invalid (40014) or expired (42001); one
/// refresh runs at a time, because WeCom throttles gettoken. Neither the secret nor a token is ever logged.
/// </summary>
public sealed class WeComApiClient
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly HttpClient http;
    private readonly WeComOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<WeComApiClient> logger;
    private readonly SemaphoreSlim refreshGate = new(1, 1);
    private volatile CachedToken? cached;

    public WeComApiClient(HttpClient http, IOptions<WeComOptions> options, TimeProvider timeProvider, ILogger<WeComApiClient> logger)
    {
        this.http = http;
        this.options = options.Value;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>Sends <paramref name="content"/> (≤ 2048 bytes; see <see cref="WeComTextSplitter"/>) to one member.</summary>
    public async Task SendTextAsync(string userId, string content, CancellationToken cancellationToken = default)
    {
        if (!options.ActiveSendConfigured)
        {
            throw new InvalidOperationException("WeCom:CorpId, WeCom:Secret and WeCom:AgentId are needed to send messages.");
        }

        var request = new SendTextRequest(userId, "text", options.AgentId, new TextContent(content), 0);
        var token = await GetAccessTokenAsync(rejected: null, cancellationToken);
        var result = await PostSendAsync(token, request, cancellationToken);
        if (result.ErrCode is 40014 or 42001)
        {
            logger.LogInformation("WeCom rejected the cached access token ({ErrorCode}); fetching a new one", result.ErrCode);
            token = await GetAccessTokenAsync(rejected: token, cancellationToken);
            result = await PostSendAsync(token, request, cancellationToken);
        }

        if (result.ErrCode != 0)
        {
            throw new WeComApiException(result.ErrCode, result.ErrMsg);
        }
    }

    /// <summary>
    /// Downloads a member's media (an image) through media/get, reading at most <paramref name="maxBytes"/> + 1 bytes: a
    /// longer file comes back cut there, so the reader refuses it as too large without more being fetched. Throws
    /// <see cref="WeComApiException"/> when WeCom answers with an error, and at <paramref name="timeout"/>.
    /// </summary>
    /// <summary>
    /// A file a message points to (media/get), within WeCom:MaxMediaBytes and WeCom:MediaDownloadTimeout; null when there
    /// is no media id, sending is not configured, or WeCom or the network fails or is too slow (logged once). Only the
    /// caller's own cancellation is thrown.
    /// </summary>
    public async Task<WeComMedia?> TryDownloadMediaAsync(string? mediaId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(mediaId) || !options.ActiveSendConfigured)
        {
            return null;
        }

        try
        {
            return await DownloadMediaAsync(mediaId, options.MaxMediaBytes, options.MediaDownloadTimeout, cancellationToken);
        }
        catch (Exception e) when (e is WeComApiException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("A WeCom media file was not downloaded: {ExceptionType}", e.GetType().Name);
            return null;
        }
    }

    public async Task<WeComMedia> DownloadMediaAsync(string mediaId, long maxBytes, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (!options.ActiveSendConfigured)
        {
            throw new InvalidOperationException("WeCom:CorpId, WeCom:Secret and WeCom:AgentId are needed to download media.");
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var token = await GetAccessTokenAsync(rejected: null, timer.Token);
        var media = await GetMediaAsync(token, mediaId, maxBytes, timer.Token);
        if (media.Error is { ErrCode: 40014 or 42001 })
        {
            token = await GetAccessTokenAsync(rejected: token, timer.Token);
            media = await GetMediaAsync(token, mediaId, maxBytes, timer.Token);
        }

        return media.Error is { } error ? throw new WeComApiException(error.ErrCode, error.ErrMsg) : media.Media!;
    }

    /// <summary>The cached token, or a new one when there is none, it is about to expire, or it is <paramref name="rejected"/>.</summary>
    internal async Task<string> GetAccessTokenAsync(string? rejected, CancellationToken cancellationToken)
    {
        var current = cached;
        if (current is not null && current.Token != rejected && current.RefreshAt > timeProvider.GetUtcNow())
        {
            return current.Token;
        }

        await refreshGate.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have refreshed while this one waited.
            current = cached;
            if (current is not null && current.Token != rejected && current.RefreshAt > timeProvider.GetUtcNow())
            {
                return current.Token;
            }

            var url = $"{BaseUrl}/cgi-bin/gettoken?corpid={Uri.EscapeDataString(options.CorpId)}&corpsecret={Uri.EscapeDataString(options.Secret)}";
            using var response = await http.GetAsync(url, cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new WeComApiException(-1, "empty gettoken response");
            if (body.ErrCode != 0 || string.IsNullOrEmpty(body.AccessToken))
            {
                throw new WeComApiException(body.ErrCode, body.ErrMsg);
            }

            var lifetime = TimeSpan.FromSeconds(Math.Max(body.ExpiresIn, 60));
            var margin = lifetime > RefreshMargin * 2 ? RefreshMargin : lifetime / 2;
            cached = new CachedToken(body.AccessToken, timeProvider.GetUtcNow() + lifetime - margin);
            logger.LogInformation("Fetched a WeCom access token valid for {Seconds} s", body.ExpiresIn);
            return body.AccessToken;
        }
        finally
        {
            refreshGate.Release();
        }
    }

    private string BaseUrl => options.ApiBaseUrl.TrimEnd('/');

    private async Task<ApiResult> PostSendAsync(string token, SendTextRequest request, CancellationToken cancellationToken)
    {
        var url = $"{BaseUrl}/cgi-bin/message/send?access_token={Uri.EscapeDataString(token)}";
        using var response = await http.PostAsJsonAsync(url, request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ApiResult>(cancellationToken)
            ?? throw new WeComApiException(-1, "empty message/send response");
    }

    /// <summary>media/get answers the file itself, or JSON with errcode when it cannot.</summary>
    private async Task<(WeComMedia? Media, ApiResult? Error)> GetMediaAsync(string token, string mediaId, long maxBytes, CancellationToken cancellationToken)
    {
        var url = $"{BaseUrl}/cgi-bin/media/get?access_token={Uri.EscapeDataString(token)}&media_id={Uri.EscapeDataString(mediaId)}";
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (contentType is "application/json" or "text/plain")
        {
            return (null, await response.Content.ReadFromJsonAsync<ApiResult>(cancellationToken) ?? new ApiResult(-1, "empty media/get response"));
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[maxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        var disposition = response.Content.Headers.ContentDisposition;
        var fileName = (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"');
        return (new WeComMedia(buffer[..total], contentType, string.IsNullOrWhiteSpace(fileName) ? null : fileName), null);
    }

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt);

    private sealed record TokenResponse(
        [property: JsonPropertyName("errcode")] int ErrCode,
        [property: JsonPropertyName("errmsg")] string? ErrMsg,
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record ApiResult(
        [property: JsonPropertyName("errcode")] int ErrCode,
        [property: JsonPropertyName("errmsg")] string? ErrMsg);

    private sealed record SendTextRequest(
        [property: JsonPropertyName("touser")] string ToUser,
        [property: JsonPropertyName("msgtype")] string MsgType,
        [property: JsonPropertyName("agentid")] int AgentId,
        [property: JsonPropertyName("text")] TextContent Text,
        [property: JsonPropertyName("safe")] int Safe);

    private sealed record TextContent([property: JsonPropertyName("content")] string Content);
}
