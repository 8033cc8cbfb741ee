using WeComHelpBot.Members;

namespace WeComHelpBot.Images;

/// <summary>What the bot says about images (zh-CN).</summary>
public static class ImageTexts
{
    public const string OcrUnavailable =
        "收到图片了，不过这台服务器还没装文字识别，暂时看不了图片里的字。请把页面上的报错文字或营业执照上的信息打字发给我，我接着帮您看；也可以回复“转人工”。";

    public const string NotAnImage = "这个文件不是能识别的图片（支持 PNG、JPEG、GIF、BMP、WebP）。请重新截图或拍照后再发。";

    public const string Damaged = "这张图片好像已经损坏，打不开。请重新截图或拍照后再发一次。";

    public const string TimedOut = "这张图片识别太久了，已经放弃。请只截报错的那一块，或者把报错文字打字发给我。";

    public const string NoText = "图片里没认出文字。请拍清楚一点（光线充足、不要反光、正对着拍），或者直接把报错文字打字发给我。";

    public const string Remote = "图片链接不在允许下载的地址里，我打不开。请直接把图片发在对话里，或者把报错文字打字发给我。";

    public const string NotReceived = "图片没有收到完整的内容。请再发一次，或者把报错文字打字发给我。";

    public const string MemberList =
        "看起来是一张成员名单的图片。成员名单我只能检查 Excel 或 CSV 文件：请把导入表（.xlsx 或 .csv，列为 姓名/手机/部门）直接发给我，我帮您查手机号格式和重复。";

    public const string LicenceCodeNotFound =
        "看起来是营业执照，但没认清 18 位统一社会信用代码。请把执照放平、拍清楚“统一社会信用代码”那一行再发一次，或者照着执照把代码打字发给我。";

    public const string LicenceNext = "接下来我们按“法人信息校验失败”继续排查。";

    /// <summary>Longest excerpt of unmatched text repeated to the user.</summary>
    public const int MaxExcerptChars = 200;

    public static string TooManyBytes(long limit) =>
        $"这张图片超过 {MemberImportChecker.FormatBytes(limit)}，太大了。请压缩一下或只截报错的那一块再发。";

    public static string TooManyPixels(ImageOptions limits) =>
        $"这张图片的尺寸太大（最多 {limits.MaxPixels / 1_000_000} 百万像素、单边 {limits.MaxSide} 像素），我没有打开。请缩小或只截报错的那一块再发。";

    public static string CouldNotRead(string reason) => $"这张图片没法读取：{reason}";

    public static string ScreenshotRead(string line) => $"我从截图里读到：“{line}”。";

    public static string NothingMatched(string excerpt) =>
        $"我从图片里读到这些文字：\n{excerpt}\n\n但没对上我知道的注册问题。能说说是在哪一步、做什么操作时出现的吗？需要的话回复“转人工”，我请客服同事来看。";
}
