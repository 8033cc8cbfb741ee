using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using WeComHelpBot.Bot;
using WeComHelpBot.Support.Conversation;

namespace WeComHelpBot.Support.Members;

/// <summary>
/// A member import sheet (.xlsx / .csv) sent in chat is checked with <see cref="MemberImportChecker"/> and the report
/// (phones masked) is the reply. The file may come as inline bytes, a data: URL, or — on local channels (terminal,
/// tests, emulator) — a local path or file:// URL. Web links are not fetched: the reply explains `wecomhelp members check`.
/// Other attachments are left alone.
/// </summary>
public sealed class MemberFileAttachmentHandler(MemberImportChecker checker, SupportConversationMemory memory, ILogger<MemberFileAttachmentHandler> logger) : IAttachmentHandler
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly HashSet<string> LocalChannels = new(StringComparer.OrdinalIgnoreCase) { "console", "test", "emulator" };

    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken = default)
    {
        var attachment = turnContext.Activity.Attachments?.FirstOrDefault(a => FileNameOf(a) is not null);
        if (attachment is null)
        {
            return false;
        }

        await memory.EnsureStartedAsync(turnContext, cancellationToken);
        var fileName = FileNameOf(attachment)!;
        var reply = await CheckAsync(attachment, fileName, turnContext.Activity.ChannelId, cancellationToken);
        await turnContext.SendActivityAsync(reply, cancellationToken: cancellationToken);
        return true;
    }

    private async Task<string> CheckAsync(Attachment attachment, string fileName, string? channelId, CancellationToken cancellationToken)
    {
        byte[]? bytes;
        try
        {
            bytes = ReadContent(attachment.Content) ?? await ReadUrlAsync(attachment.ContentUrl, channelId, cancellationToken);
        }
        catch (FormatException)
        {
            return $"无法读取成员文件 {fileName}：文件内容不是有效的 base64 数据。";
        }
        catch (InvalidDataException)
        {
            return SupportTexts.MemberFileTooLarge;
        }
        catch (IOException ex)
        {
            logger.LogWarning("Member file attachment could not be read: {Reason}", ex.GetType().Name);
            return $"无法读取成员文件 {fileName}：文件打不开。";
        }

        if (bytes is null)
        {
            return SupportTexts.MemberFileRemote;
        }

        if (bytes.LongLength > MaxFileBytes)
        {
            return SupportTexts.MemberFileTooLarge;
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var report = await checker.CheckAsync(stream, fileName, cancellationToken: cancellationToken);
            logger.LogInformation("Member file checked in chat: {Members} members, {Problems} problems", report.MemberCount, report.Problems.Count);
            return MemberCheckReportFormatter.ToText(report).TrimEnd();
        }
        catch (MemberFileReadException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The sheet's name with a .xlsx/.csv extension (from the name, the URL or the content type), or null for other files.</summary>
    private static string? FileNameOf(Attachment attachment)
    {
        var name = attachment.Name;
        if (string.IsNullOrWhiteSpace(name) && attachment.ContentUrl is { } url && !url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            name = Path.GetFileName(Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.LocalPath : url);
        }

        var extension = Path.GetExtension(name ?? string.Empty).ToLowerInvariant();
        if (extension is ".xlsx" or ".csv")
        {
            return Path.GetFileName(name);
        }

        var contentType = attachment.ContentType ?? DataUrlContentType(attachment.ContentUrl);
        return contentType?.ToLowerInvariant() switch
        {
            XlsxContentType => "成员文件.xlsx",
            "text/csv" or "application/csv" => "成员文件.csv",
            _ => null,
        };
    }

    private static byte[]? ReadContent(object? content) => content switch
    {
        byte[] bytes => bytes,
        string base64 when base64.Length > 0 => Convert.FromBase64String(base64),
        JValue { Type: JTokenType.String } value => Convert.FromBase64String((string)value!),
        JValue { Type: JTokenType.Bytes } value => (byte[])value!,
        _ => null,
    };

    /// <summary>Bytes of a data: URL, or of a local file on local channels; null for a web link (never fetched).</summary>
    private static async Task<byte[]?> ReadUrlAsync(string? url, string? channelId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = url.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || !url[..comma].EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException("data: URL without base64 content");
            }

            return Convert.FromBase64String(Uri.UnescapeDataString(url[(comma + 1)..]));
        }

        string? path = null;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsFile)
        {
            path = uri.LocalPath;
        }
        else if (Path.IsPathRooted(url))
        {
            path = url;
        }

        // A path names a file on the bot's own machine: only someone at that machine (terminal, tests) may send one.
        if (path is null || !LocalChannels.Contains(channelId ?? string.Empty))
        {
            return null;
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException("member file not found");
        }

        return info.Length > MaxFileBytes ? throw new InvalidDataException("member file too large") : await File.ReadAllBytesAsync(path, cancellationToken);
    }

    private static string? DataUrlContentType(string? url) =>
        url is not null && url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && url.IndexOf(';', StringComparison.Ordinal) is > 5 and var semicolon
            ? url[5..semicolon]
            : null;
}
