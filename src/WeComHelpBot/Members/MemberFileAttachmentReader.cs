using System.Net;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using WeComHelpBot.Support;

namespace WeComHelpBot.Members;

/// <summary>
/// The bytes of a member file sent in chat, whatever channel it came from: inline content or a data: URL (how the web
/// chat and other Direct Line clients send a file), or an http(s) link whose host is listed in
/// <see cref="MemberFileOptions.DownloadHosts"/>. Never a local path or a file: URL: an activity's sender chooses
/// them, and the server would read its own disk for a stranger. Every source stops at
/// <see cref="MemberFileOptions.MaxFileBytes"/> while it is read, and a download at <see cref="MemberFileOptions.DownloadTimeout"/>.
/// </summary>
public sealed class MemberFileAttachmentReader : IDisposable
{
    private readonly MemberFileOptions limits;
    private readonly HttpClient http;
    private readonly Func<string, MemberFileReadException> tooLarge;

    public MemberFileAttachmentReader(MemberFileOptions limits)
        : this(limits, fileName => MemberImportChecker.TooLarge(fileName, limits))
    {
    }

    /// <param name="limits">The byte limit, download hosts and time limit.</param>
    /// <param name="tooLarge">The refusal for a file over the byte limit (images say it differently from sheets).</param>
    public MemberFileAttachmentReader(MemberFileOptions limits, Func<string, MemberFileReadException> tooLarge)
    {
        this.limits = limits;
        this.tooLarge = tooLarge;

        // No redirects: an allowed host could otherwise send the download on to an internal address.
        http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = limits.DownloadTimeout,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = limits.MaxFileBytes,
        };
    }

    /// <summary>
    /// The file's bytes, or null for a link that is not downloaded (its host is not listed). Throws
    /// <see cref="MemberFileReadException"/> (the message is the reply) for a local path, a file too large, bad base64,
    /// or a download that fails or runs out of time.
    /// </summary>
    public async Task<byte[]?> ReadAsync(Attachment attachment, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (ReadContent(attachment.Content, fileName) is { } inline)
        {
            return inline;
        }

        var url = attachment.ContentUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return ReadDataUrl(url, fileName);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            // A bare path, file://, \\server\share, ftp: … none of them is read, on any channel.
            throw new MemberFileReadException(fileName, SupportTexts.MemberFileLocalPath);
        }

        return IsDownloadHost(uri) ? await DownloadAsync(uri, fileName, cancellationToken) : null;
    }

    public void Dispose() => http.Dispose();

    /// <summary>Listed as "host" (any port) or "host:port", compared without case.</summary>
    internal bool IsDownloadHost(Uri uri) => limits.DownloadHosts.Any(entry =>
        string.Equals(entry.Trim(), uri.IdnHost, StringComparison.OrdinalIgnoreCase)
        || string.Equals(entry.Trim(), $"{uri.IdnHost}:{uri.Port}", StringComparison.OrdinalIgnoreCase));

    private byte[]? ReadContent(object? content, string fileName) => content switch
    {
        byte[] bytes => bytes.LongLength > limits.MaxFileBytes ? throw tooLarge(fileName) : bytes,
        string base64 when base64.Length > 0 => FromBase64(base64, fileName),
        JValue { Type: JTokenType.String } value => FromBase64((string)value!, fileName),
        JValue { Type: JTokenType.Bytes } value => ReadContent((byte[])value!, fileName),
        _ => null,
    };

    private byte[] ReadDataUrl(string url, string fileName)
    {
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0 || !url.AsSpan(0, comma).EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            throw new MemberFileReadException(fileName, "文件内容不是有效的 base64 数据");
        }

        return FromBase64(url[(comma + 1)..], fileName, escaped: true);
    }

    /// <summary>Decodes base64, refusing by its length before decoding anything that would be over the limit.</summary>
    private byte[] FromBase64(string base64, string fileName, bool escaped = false)
    {
        if ((base64.Length / 4L * 3) - 2 > limits.MaxFileBytes)
        {
            throw tooLarge(fileName);
        }

        try
        {
            var bytes = Convert.FromBase64String(escaped ? Uri.UnescapeDataString(base64) : base64);
            return bytes.LongLength > limits.MaxFileBytes ? throw tooLarge(fileName) : bytes;
        }
        catch (FormatException)
        {
            throw new MemberFileReadException(fileName, "文件内容不是有效的 base64 数据");
        }
    }

    private async Task<byte[]> DownloadAsync(Uri uri, string fileName, CancellationToken cancellationToken)
    {
        // One clock for connecting, the headers and the whole body: a server that trickles bytes is stopped too.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.DownloadTimeout);
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new MemberFileReadException(fileName, $"下载失败（HTTP {(int)response.StatusCode}）");
            }

            if (response.Content.Headers.ContentLength > limits.MaxFileBytes)
            {
                throw tooLarge(fileName);
            }

            await using var body = new BudgetedReadStream(await response.Content.ReadAsStreamAsync(timeout.Token), new ByteBudget(limits.MaxFileBytes));
            using var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, timeout.Token);
            return buffer.ToArray();
        }
        catch (ByteBudgetExceededException)
        {
            throw tooLarge(fileName);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MemberFileReadException(fileName, $"下载超过 {limits.DownloadTimeout.TotalSeconds:0} 秒没有完成，已放弃");
        }
        catch (HttpRequestException)
        {
            throw new MemberFileReadException(fileName, "下载失败，文件所在的服务器连不上");
        }
    }
}
