namespace WeComHelpBot.Images;

/// <summary>OCR did not produce text: the decoder refused the image, or the run hit its time or memory limit.</summary>
public sealed class OcrFailedException(OcrFailure failure, string message) : Exception(message)
{
    public OcrFailure Failure { get; } = failure;
}
