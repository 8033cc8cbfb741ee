using System.Diagnostics;

namespace WeComHelpBot.Tests.Images;

/// <summary>
/// The OCR tests need Debian's tesseract-ocr, tesseract-ocr-chi-sim, imagemagick and fonts-noto-cjk (.ci/run installs
/// them). Run by hand without them the tests skip with that message; under CI=true they fail.
/// </summary>
internal static class OcrPrerequisite
{
    public const string Install = "apt-get install tesseract-ocr tesseract-ocr-chi-sim imagemagick fonts-noto-cjk";

    private static readonly Lazy<string?> Missing = new(FindMissing);

    public static void Require()
    {
        if (Missing.Value is not { } missing)
        {
            return;
        }

        var message = $"{missing} is missing. {Install}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{message} (CI=true: .ci/run must install it.)");
        }

        Skip.If(true, message);
    }

    private static string? FindMissing()
    {
        if (!File.Exists(TestImages.ConvertPath))
        {
            return "ImageMagick (/usr/bin/convert)";
        }

        if (!File.Exists(TestImages.FontPath))
        {
            return "The Noto CJK font";
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo("tesseract", "--list-langs") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output.Split('\n').Any(l => l.Trim() == "chi_sim") ? null : "tesseract's chi_sim language data";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "tesseract";
        }
    }
}
