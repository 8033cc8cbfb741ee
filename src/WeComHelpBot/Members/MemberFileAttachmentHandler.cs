using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using WeComHelpBot.Bot;
using WeComHelpBot.FollowUps;
using WeComHelpBot.Privacy;
using WeComHelpBot.Support;

namespace WeComHelpBot.Members;

/// <summary>
/// A member import sheet (.xlsx / .csv) sent in chat is checked with <see cref="MemberImportChecker"/> and a bounded
/// report (phones masked) is the reply; the transcript keeps a one-line summary of it. The bytes come through
/// <see cref="MemberFileAttachmentReader"/> (inline, data: URL or a listed download host; never a local path). A link
/// that is not downloaded gets a reply explaining `wecomhelp members check`. Other attachments are left alone.
/// </summary>
public sealed class MemberFileAttachmentHandler(
    MemberImportChecker checker,
    MemberFileAttachmentReader reader,
    SupportConversationMemory memory,
    ILogger<MemberFileAttachmentHandler> logger) : IAttachmentHandler
{
    /// <summary>Longest file name repeated in a reply: the name is whatever the sender wrote.</summary>
    private const int MaxFileNameChars = 100;

    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken = default)
    {
        var attachment = turnContext.Activity.Attachments?.FirstOrDefault(a => FileNameOf(a) is not null);
        if (attachment is null)
        {
            return false;
        }

        await memory.EnsureStartedAsync(turnContext, cancellationToken);
        var fileName = MemberSheetReader.Shorten(FileNameOf(attachment)!, MaxFileNameChars);
        var (reply, summary) = await CheckAsync(attachment, fileName, cancellationToken);
        var activity = MessageFactory.Text(reply);
        if (summary is not null)
        {
            TranscriptSummary.Set(turnContext, activity, summary);
        }

        await turnContext.SendActivityAsync(activity, cancellationToken);
        return true;
    }

    /// <summary>The reply and, when it is a report, the line the transcript keeps instead.</summary>
    private async Task<(string Reply, string? Summary)> CheckAsync(Attachment attachment, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await reader.ReadAsync(attachment, fileName, cancellationToken);
            if (bytes is null)
            {
                return (SupportTexts.MemberFileRemote, null);
            }

            using var stream = new MemoryStream(bytes, writable: false);
            var report = await checker.CheckAsync(stream, fileName, cancellationToken: cancellationToken);
            logger.LogInformation(
                "Member file checked in chat: {Members} members, {Problems} problems, cut off {CutOff}",
                report.MemberCount,
                report.Problems.Count,
                report.TruncatedAtRows is not null);
            return (MemberCheckReportFormatter.ToChatText(report, checker.Limits), MemberCheckReportFormatter.ToSummary(report));
        }
        catch (MemberFileReadException ex)
        {
            logger.LogInformation("Member file attachment not checked: {Reason}", ex.InnerException?.GetType().Name ?? "refused");
            return (ex.Message, null);
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

    private static string? DataUrlContentType(string? url) =>
        url is not null && url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && url.IndexOf(';', StringComparison.Ordinal) is > 5 and var semicolon
            ? url[5..semicolon]
            : null;
}
