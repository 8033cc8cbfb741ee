using WeComHelpBot.Images;

namespace WeComHelpBot.Server.Images;

/// <summary>
/// Says once, at start-up, when images cannot be read (tesseract or its chi_sim data missing). The server still starts:
/// images are then answered politely without OCR, and everything else works as before.
/// </summary>
public sealed class OcrStartupCheck(IOcrEngine ocr, ILogger<OcrStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var availability = await ocr.CheckAvailabilityAsync(cancellationToken);
        if (availability.IsAvailable)
        {
            logger.LogInformation("OCR ready: images in chat are read with tesseract");
        }
        else
        {
            logger.LogWarning("OCR unavailable, images in chat are answered without reading them: {Problem}", availability.Problem);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
