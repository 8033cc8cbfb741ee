using Microsoft.Bot.Schema;

namespace WeComHelpBot.Images;

/// <summary>
/// An image a channel downloaded itself (WeCom media, 微信客服, the AI bot), as an attachment of the turn's activity:
/// the bytes travel inline, so <see cref="ImageAttachmentHandler"/> reads them without any URL.
/// </summary>
public static class ImageAttachment
{
    public static Attachment FromBytes(byte[] image, string? contentType) =>
        new(string.IsNullOrEmpty(contentType) || !contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? "image/*" : contentType, content: image);
}
