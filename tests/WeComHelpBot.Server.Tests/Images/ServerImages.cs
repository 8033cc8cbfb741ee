using System.Diagnostics;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests.Images;

/// <summary>
/// Error screenshots drawn with ImageMagick and the Noto CJK font for the channel tests; the tests need tesseract with
/// chi_sim too. Missing any of them, they skip by hand and fail under CI=true.
/// </summary>
internal static class ServerImages
{
    public const string DuplicatePhoneError = "导入失败：该手机号已被企业内其他成员使用";

    private const string ConvertPath = "/usr/bin/convert";
    private const string FontPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    private static readonly Lazy<bool> Available = new(() =>
    {
        if (!File.Exists(ConvertPath) || !File.Exists(FontPath))
        {
            return false;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo("tesseract", "--list-langs") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output.Split('\n').Any(l => l.Trim() == "chi_sim");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public static void RequireOcr() => Prerequisite.Require(
        Available.Value,
        "OCR (tesseract with chi_sim, ImageMagick, the Noto CJK font)",
        "apt-get install tesseract-ocr tesseract-ocr-chi-sim imagemagick fonts-noto-cjk");

    /// <summary>A PNG that looks like an error page showing <paramref name="error"/>.</summary>
    public static byte[] ErrorScreenshot(string error)
    {
        var file = Path.Combine(Path.GetTempPath(), $"wecomhelpbot-test-{Guid.NewGuid():N}.png");
        try
        {
            var start = new ProcessStartInfo(ConvertPath) { RedirectStandardError = true };
            foreach (var argument in new[]
            {
                "-size", "1100x360", "xc:white", "-font", FontPath, "-fill", "black", "-pointsize", "30", "-annotate", "+40+70", "企业微信 管理后台",
                "-fill", "#c0392b", "-annotate", "+40+200", error, file,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return File.ReadAllBytes(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
