using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeComHelpBot.Bot;
using WeComHelpBot.FollowUps;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Members;
using WeComHelpBot.Privacy;
using WeComHelpBot.Recognition;
using WeComHelpBot.Support;
using WeComHelpBot.Validation;

namespace WeComHelpBot.Images;

/// <summary>
/// An image sent in chat, in any channel. The bytes come through <see cref="MemberFileAttachmentReader"/> (inline, data:
/// URL or a listed download host; never a local path) with the image byte limit, and <see cref="IImageReader"/> reads
/// them. A licence is checked and compared with what the user typed, then the turn goes on as if the user had typed
/// "法人信息校验失败" with the code, so the troubleshooting flow continues with those facts. A screenshot whose error the
/// knowledge base knows goes on as if its error line had been typed. Everything else gets a reply here. The image is
/// never stored; the transcript masks the code in the replies as in any other message.
/// </summary>
public sealed partial class ImageAttachmentHandler : IAttachmentHandler, IDisposable
{
    private const string ImageName = "图片";

    private readonly IImageReader imageReader;
    private readonly IKnowledgeAnswerer knowledge;
    private readonly TypedFactsMemory typedFacts;
    private readonly SupportConversationMemory memory;
    private readonly PersonalDataMasker masker;
    private readonly ILogger<ImageAttachmentHandler> logger;
    private readonly MemberFileAttachmentReader source;

    public ImageAttachmentHandler(
        IImageReader imageReader,
        IKnowledgeAnswerer knowledge,
        TypedFactsMemory typedFacts,
        SupportConversationMemory memory,
        PersonalDataMasker masker,
        IOptions<ImageOptions> imageOptions,
        IOptions<SupportOptions> supportOptions,
        ILogger<ImageAttachmentHandler> logger)
    {
        this.imageReader = imageReader;
        this.knowledge = knowledge;
        this.typedFacts = typedFacts;
        this.memory = memory;
        this.masker = masker;
        this.logger = logger;
        var files = supportOptions.Value.MemberFiles;
        var limit = imageOptions.Value.MaxImageBytes;
        source = new MemberFileAttachmentReader(
            new MemberFileOptions { MaxFileBytes = limit, DownloadHosts = files.DownloadHosts, DownloadTimeout = files.DownloadTimeout },
            fileName => new MemberFileReadException(fileName, ImageTexts.TooManyBytes(limit)));
    }

    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken = default)
    {
        var attachment = turnContext.Activity.Attachments?.FirstOrDefault(IsImage);
        if (attachment is null)
        {
            return false;
        }

        await memory.EnsureStartedAsync(turnContext, cancellationToken);
        byte[]? bytes;
        try
        {
            bytes = await source.ReadAsync(attachment, ImageName, cancellationToken);
        }
        catch (MemberFileReadException ex)
        {
            return await ReplyAsync(turnContext, ImageTexts.CouldNotRead(ex.Reason), cancellationToken);
        }

        if (bytes is null)
        {
            return await ReplyAsync(turnContext, string.IsNullOrEmpty(attachment.ContentUrl) ? ImageTexts.NotReceived : ImageTexts.Remote, cancellationToken);
        }

        var reading = await imageReader.ReadAsync(bytes, attachment.ContentType, cancellationToken);
        return reading.Kind switch
        {
            ImageKind.Refused => await ReplyAsync(turnContext, reading.Problem!, cancellationToken),
            ImageKind.OcrUnavailable => await ReplyAsync(turnContext, ImageTexts.OcrUnavailable, cancellationToken),
            ImageKind.NoText => await ReplyAsync(turnContext, ImageTexts.NoText, cancellationToken),
            ImageKind.MemberList => await ReplyAsync(turnContext, ImageTexts.MemberList, cancellationToken),
            ImageKind.Licence => await LicenceAsync(turnContext, reading.Licence!, cancellationToken),
            _ => await ScreenshotAsync(turnContext, reading.Text, cancellationToken),
        };
    }

    public void Dispose() => source.Dispose();

    /// <summary>An attachment that says it is an image: content type, data: URL or file name.</summary>
    internal static bool IsImage(Attachment attachment)
    {
        if (attachment.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true
            || attachment.ContentUrl?.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase) == true)
        {
            return true;
        }

        var extension = Path.GetExtension(attachment.Name ?? string.Empty).ToLowerInvariant();
        return extension is ".png" or ".jpg" or ".jpeg" or ".gif" or ".bmp" or ".webp";
    }

    private async Task<bool> LicenceAsync(ITurnContext<IMessageActivity> turnContext, LicenceReading licence, CancellationToken cancellationToken)
    {
        if (licence.Code is not { } code)
        {
            return await ReplyAsync(turnContext, ImageTexts.LicenceCodeNotFound, cancellationToken);
        }

        // What the user typed: with the photo (its caption) first, then earlier in this conversation.
        var caption = turnContext.Activity.Text;
        var earlier = typedFacts.Get(turnContext);
        var captionCode = CodeCandidate.Find(caption);
        var typedCode = captionCode.Length >= UnifiedSocialCreditCode.Length - 1 ? captionCode : earlier?.CreditCode;
        var typedName = CompanyNameRecognizer.Named(caption) ?? earlier?.CompanyName;

        var reply = new StringBuilder();
        var kind = UnifiedSocialCreditCode.DescribeEntity(code);
        reply.Append($"这是营业执照。统一社会信用代码 {code}，校验码正确").Append(kind is null ? "。" : $"（{kind}）。");
        if (licence.CorrectedPositions.Count > 0 && licence.CodeAsRead is { } asRead)
        {
            var fixes = licence.CorrectedPositions.Select(i => $"第 {i + 1} 位看着像“{asRead[i]}”，按校验码应是“{code[i]}”");
            reply.Append($"（照片上{string.Join("，", fixes)}。）");
        }

        if (licence.CompanyName is { } name)
        {
            reply.Append($"\n企业名称：{name}");
        }

        if (typedCode is not null)
        {
            var differences = LicenceComparison.CompareCode(typedCode, code);
            reply.Append(differences.Count == 0
                ? "\n您填的代码和执照上一致。"
                : "\n和您填的代码对比：\n· " + string.Join("\n· ", differences) + "\n请按执照上的改正后重新提交。");
        }

        if (typedName is not null && licence.CompanyName is { } licenceName)
        {
            reply.Append('\n').Append(LicenceComparison.CompareName(typedName, licenceName) ?? "您填的企业名称和执照上一致。");
        }

        reply.Append('\n').Append(ImageTexts.LicenceNext);
        await turnContext.SendActivityAsync(MessageFactory.Text(reply.ToString()), cancellationToken);
        logger.LogInformation("Licence photo read: code corrected at {Corrected} positions, compared with typed code {Compared}", licence.CorrectedPositions.Count, typedCode is not null);

        ContinueAsTyped(turnContext, $"法人信息校验失败帮我看看，统一社会信用代码 {code}");
        return false;
    }

    private async Task<bool> ScreenshotAsync(ITurnContext<IMessageActivity> turnContext, string text, CancellationToken cancellationToken)
    {
        var lines = text.Split('\n');
        var line = lines.Where(l => ErrorCue().IsMatch(l) && l.Length <= BotTexts.MaxMessageLength)
            .FirstOrDefault(l => knowledge.Answer(l).Answered);
        if (line is null)
        {
            var excerpt = text.Length > ImageTexts.MaxExcerptChars ? text[..ImageTexts.MaxExcerptChars] + "…" : text;
            logger.LogInformation("Screenshot text matched no known failure");
            return await ReplyAsync(turnContext, ImageTexts.NothingMatched(masker.Mask(excerpt)!), cancellationToken);
        }

        await turnContext.SendActivityAsync(MessageFactory.Text(ImageTexts.ScreenshotRead(masker.Mask(line)!)), cancellationToken);
        ContinueAsTyped(turnContext, line);
        return false;
    }

    /// <summary>The rest of the turn reads <paramref name="text"/> as the user's message (the transcript keeps what was really sent).</summary>
    private static void ContinueAsTyped(ITurnContext<IMessageActivity> turnContext, string text)
    {
        turnContext.TurnState[TypedFactsMemory.FromImageKey] = true;
        turnContext.Activity.Text = text;
    }

    private static async Task<bool> ReplyAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        await turnContext.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
        return true;
    }

    // Words on an error page: failure, mismatch, timeout, already taken.
    [GeneratedRegex("失败|错误|超时|不一致|不符|不匹配|已存在|重复|未通过|不通过|无法|异常|已被|占用|过期|有误|请核对|请重新")]
    private static partial Regex ErrorCue();
}
