using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WeComHelpBot.Bot;

namespace WeComHelpBot.Images;

public static class ImageServiceCollectionExtensions
{
    /// <summary>
    /// Images in chat: OCR with tesseract (<see cref="IOcrEngine"/>), <see cref="IImageReader"/> for any channel, and the
    /// attachment handler that answers licence photos and error screenshots. Limits come from <see cref="ImageOptions"/>.
    /// </summary>
    public static IServiceCollection AddImageReading(this IServiceCollection services)
    {
        services.AddOptions<ImageOptions>();
        services.TryAddSingleton<IOcrEngine, TesseractOcrEngine>();
        services.TryAddSingleton<IImageReader, ImageReader>();
        services.TryAddSingleton<TypedFactsMemory>();
        services.AddSingleton<IMessageHandler, TypedFactsRecorder>();
        services.AddSingleton<IAttachmentHandler, ImageAttachmentHandler>();
        return services;
    }
}
