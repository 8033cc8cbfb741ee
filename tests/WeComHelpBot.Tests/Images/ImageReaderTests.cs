using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WeComHelpBot.Images;

namespace WeComHelpBot.Tests.Images;

/// <summary>The limits (checked before OCR runs) with a recording fake engine, and the real tesseract on drawn images.</summary>
public sealed class ImageReaderTests
{
    private static readonly ImageOptions Limits = new();

    [Fact]
    public async Task DecompressionBomb_IsRefusedFromItsHeaderWithoutOcr()
    {
        var ocr = new RecordingOcr();
        var reading = await new ImageReader(ocr, Options.Create(Limits), NullLogger<ImageReader>.Instance)
            .ReadAsync(ImageHeaderReaderTests.PngHeader(100_000, 100_000), "image/png");

        Assert.Equal(ImageKind.Refused, reading.Kind);
        Assert.Equal(ImageTexts.TooManyPixels(Limits), reading.Problem);
        Assert.Equal(0, ocr.Calls);
    }

    [Fact]
    public async Task TooManyBytes_IsRefusedWithoutOcr()
    {
        var ocr = new RecordingOcr();
        var reading = await new ImageReader(ocr, Options.Create(new ImageOptions { MaxImageBytes = 100 }), NullLogger<ImageReader>.Instance)
            .ReadAsync(new byte[101], "image/png");

        Assert.Equal(ImageTexts.TooManyBytes(100), reading.Problem);
        Assert.Equal(0, ocr.Calls);
    }

    [Fact]
    public async Task BytesThatAreNoImage_AreRefusedWithoutOcr()
    {
        var ocr = new RecordingOcr();
        var reading = await new ImageReader(ocr, Options.Create(Limits), NullLogger<ImageReader>.Instance)
            .ReadAsync("/etc/passwd\n"u8.ToArray(), "image/png");

        Assert.Equal(ImageTexts.NotAnImage, reading.Problem);
        Assert.Equal(0, ocr.Calls);
    }

    [Fact]
    public async Task MissingTesseract_IsReportedAsUnavailable()
    {
        var engine = new TesseractOcrEngine(Options.Create(new ImageOptions { TesseractPath = "/nonexistent/tesseract" }), NullLogger<TesseractOcrEngine>.Instance);

        var availability = await engine.CheckAvailabilityAsync();
        var reading = await new ImageReader(engine, Options.Create(Limits), NullLogger<ImageReader>.Instance).ReadAsync(ImageHeaderReaderTests.PngHeader(10, 10), "image/png");

        Assert.False(availability.IsAvailable);
        Assert.Contains("not found", availability.Problem);
        Assert.Equal(ImageKind.OcrUnavailable, reading.Kind);
    }

    [SkippableFact]
    public async Task LicencePhoto_RotatedAndBlurred_GivesTheValidCodeAndName()
    {
        OcrPrerequisite.Require();

        var reading = await RealReader().ReadAsync(TestImages.Licence(TestImages.ValidCode), "image/png");

        Assert.Equal(ImageKind.Licence, reading.Kind);
        Assert.Equal(TestImages.ValidCode, reading.Licence!.Code);
        Assert.Equal(TestImages.CompanyName, reading.Licence.CompanyName);
    }

    [SkippableFact]
    public async Task LicencePhoto_WithALetterOForZero_IsRepairedByTheCheckCharacter()
    {
        OcrPrerequisite.Require();

        var reading = await RealReader().ReadAsync(TestImages.Licence("91350100M00O100Y43"), "image/png");

        Assert.Equal(TestImages.ValidCode, reading.Licence!.Code);
    }

    [SkippableTheory]
    [InlineData("导入失败：该手机号已被企业内其他成员使用")]
    [InlineData("对公打款验证超时，请重新发起验证")]
    [InlineData("企业信息与工商登记信息不一致，请核对后重新提交")]
    public async Task ErrorScreenshot_TextIsRead(string error)
    {
        OcrPrerequisite.Require();

        var reading = await RealReader().ReadAsync(TestImages.ErrorScreenshot(error), "image/png");

        Assert.Equal(ImageKind.Text, reading.Kind);
        Assert.Contains(error.Replace("，", ",").Replace("：", ":"), reading.Text);
    }

    [SkippableFact]
    public async Task ImageWithoutText_IsNoText()
    {
        OcrPrerequisite.Require();

        Assert.Equal(ImageKind.NoText, (await RealReader().ReadAsync(TestImages.Blank(), "image/png")).Kind);
    }

    [SkippableFact]
    public async Task MemberListPhoto_IsRecognizedAsSuch()
    {
        OcrPrerequisite.Require();

        Assert.Equal(ImageKind.MemberList, (await RealReader().ReadAsync(TestImages.MemberList(), "image/png")).Kind);
    }

    [SkippableFact]
    public async Task CorruptImage_WithAValidHeader_IsRefusedAsDamaged()
    {
        OcrPrerequisite.Require();
        var licence = TestImages.Licence(TestImages.ValidCode);

        var reading = await RealReader().ReadAsync(licence.AsMemory(0, 3000), "image/png");

        Assert.Equal(ImageKind.Refused, reading.Kind);
        Assert.Equal(ImageTexts.Damaged, reading.Problem);
    }

    [SkippableFact]
    public async Task HugeImage_RealFileOverTheSideLimit_IsRefused()
    {
        OcrPrerequisite.Require();

        var reading = await RealReader().ReadAsync(TestImages.VeryWide(), "image/png");

        Assert.Equal(ImageTexts.TooManyPixels(Limits), reading.Problem);
    }

    [SkippableFact]
    public async Task OcrRun_OverItsTimeLimit_IsKilledAndRefused()
    {
        OcrPrerequisite.Require();
        var options = Options.Create(new ImageOptions { OcrTimeout = TimeSpan.FromMilliseconds(1) });
        var reader = new ImageReader(new TesseractOcrEngine(options, NullLogger<TesseractOcrEngine>.Instance), options, NullLogger<ImageReader>.Instance);

        var reading = await reader.ReadAsync(TestImages.Licence(TestImages.ValidCode), "image/png");

        Assert.Equal(ImageTexts.TimedOut, reading.Problem);
    }

    private static ImageReader RealReader()
    {
        var options = Options.Create(Limits);
        return new ImageReader(new TesseractOcrEngine(options, NullLogger<TesseractOcrEngine>.Instance), options, NullLogger<ImageReader>.Instance);
    }

    private sealed class RecordingOcr : IOcrEngine
    {
        public int Calls { get; private set; }

        public Task<OcrAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken = default) => Task.FromResult(OcrAvailability.Available);

        public Task<string> RecognizeAsync(ReadOnlyMemory<byte> image, ImageFormat format, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult("文字");
        }
    }
}
