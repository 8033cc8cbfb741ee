using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WeComHelpBot.Images;

/// <summary>
/// OCR with Debian's tesseract as a bounded child process. The image goes into a temporary file this class creates
/// (mode 0600, deleted afterwards), never a path from a message; stdin is not used because tesseract reads input that
/// is not an image as a list of file names to open. Each run is bounded: wall-clock time (killed), address space and
/// CPU seconds through prlimit (RLIMIT_AS / RLIMIT_CPU apply to that child alone and need neither root nor a cgroup),
/// one OpenMP thread, and as many runs at once as there are cores.
/// </summary>
public sealed class TesseractOcrEngine : IOcrEngine, IDisposable
{
    /// <summary>stdout read at most; the text is cut to <see cref="ImageOptions.MaxTextChars"/> later anyway.</summary>
    private const int MaxOutputChars = 64 * 1024;

    private static readonly string[] PrlimitLocations = ["/usr/bin/prlimit", "/bin/prlimit"];

    private readonly ImageOptions options;
    private readonly ILogger<TesseractOcrEngine> logger;
    private readonly SemaphoreSlim slots;
    private readonly Lazy<Task<OcrAvailability>> availability;
    private readonly string? prlimit = PrlimitLocations.FirstOrDefault(File.Exists);

    public TesseractOcrEngine(IOptions<ImageOptions> options, ILogger<TesseractOcrEngine> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        var concurrency = this.options.MaxConcurrentOcr > 0 ? this.options.MaxConcurrentOcr : Environment.ProcessorCount;
        slots = new SemaphoreSlim(concurrency, concurrency);
        availability = new Lazy<Task<OcrAvailability>>(ProbeAsync);
    }

    public Task<OcrAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken = default) =>
        availability.Value.WaitAsync(cancellationToken);

    public async Task<string> RecognizeAsync(ReadOnlyMemory<byte> image, ImageFormat format, CancellationToken cancellationToken = default)
    {
        if (!(await CheckAvailabilityAsync(cancellationToken)).IsAvailable)
        {
            throw new OcrFailedException(OcrFailure.Unavailable, "OCR is not installed");
        }

        await slots.WaitAsync(cancellationToken);
        var directory = Directory.CreateTempSubdirectory("wecomhelpbot-ocr-");
        try
        {
            var path = Path.Combine(directory.FullName, "image." + format.ToString().ToLowerInvariant());
            await WritePrivateAsync(path, image, cancellationToken);
            // --psm 4, one column of lines of varying size: the automatic layout (3) splits a red error line into pieces.
            var (exitCode, output) = await RunAsync(["--psm", "4", "-l", options.Languages, path, "stdout"], options.OcrTimeout, cancellationToken);
            if (exitCode != 0)
            {
                throw new OcrFailedException(OcrFailure.Unreadable, $"tesseract exited with {exitCode}");
            }

            return output;
        }
        finally
        {
            slots.Release();
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException ex)
            {
                logger.LogWarning("OCR temporary folder not deleted: {ExceptionType}", ex.GetType().Name);
            }
        }
    }

    public void Dispose() => slots.Dispose();

    private static async Task WritePrivateAsync(string path, ReadOnlyMemory<byte> image, CancellationToken cancellationToken)
    {
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new FileStream(path, fileOptions);
        await file.WriteAsync(image, cancellationToken);
    }

    private async Task<OcrAvailability> ProbeAsync()
    {
        try
        {
            var (exitCode, output) = await RunAsync(["--list-langs"], TimeSpan.FromSeconds(15), CancellationToken.None, bounded: false);
            var installed = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            var missing = options.Languages.Split('+').Where(language => !installed.Contains(language)).ToList();
            if (exitCode != 0 || missing.Count > 0)
            {
                return new OcrAvailability(false, $"tesseract language data missing: {string.Join(", ", missing)} (apt-get install tesseract-ocr-chi-sim)");
            }

            return OcrAvailability.Available;
        }
        catch (Win32Exception)
        {
            return new OcrAvailability(false, $"'{options.TesseractPath}' not found (apt-get install tesseract-ocr tesseract-ocr-chi-sim)");
        }
        catch (OcrFailedException ex)
        {
            return new OcrAvailability(false, $"tesseract did not answer: {ex.Message}");
        }
    }

    /// <summary>Runs tesseract (under prlimit when bounded) and returns its exit code and stdout; kills it at the timeout.</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken, bool bounded = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        if (bounded && prlimit is not null)
        {
            start.FileName = prlimit;
            start.ArgumentList.Add($"--as={options.OcrMemoryBytes}");
            start.ArgumentList.Add($"--cpu={Math.Max(1, (int)Math.Ceiling(options.OcrTimeout.TotalSeconds))}");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(options.TesseractPath);
        }
        else
        {
            start.FileName = options.TesseractPath;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // One thread per run: the semaphore already runs one image per core.
        start.Environment["OMP_THREAD_LIMIT"] = "1";

        using var process = Process.Start(start) ?? throw new Win32Exception("tesseract did not start");
        process.StandardInput.Close();
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            var output = ReadBoundedAsync(process.StandardOutput, timer.Token);
            var errors = ReadBoundedAsync(process.StandardError, timer.Token);
            await process.WaitForExitAsync(timer.Token);
            var text = await output;
            await errors;
            return (process.ExitCode, text);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new OcrFailedException(OcrFailure.TimedOut, $"tesseract ran over {timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Reads at most <see cref="MaxOutputChars"/> and drains the rest, so a chatty child never blocks on a full pipe.</summary>
    private static async Task<string> ReadBoundedAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var builder = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (builder.Length < MaxOutputChars)
            {
                builder.Append(buffer, 0, Math.Min(read, MaxOutputChars - builder.Length));
            }
        }

        return builder.ToString();
    }
}
