using System.Diagnostics;
using System.Text.Json;

namespace WeComHelpBot.Server.Tests.Support;

/// <summary>
/// Runs WeCom's own @wecom/crypto (npm) through interop/wecom-crypto-peer.mjs: one JSON request in, one JSON answer
/// out. Needs node on PATH and `npm ci` in the interop folder.
/// </summary>
internal static class WeComCryptoPeer
{
    private static readonly string Script = Path.Combine(RepositoryPaths.InteropDirectory, "wecom-crypto-peer.mjs");

    public static void RequireInstalled()
    {
        Prerequisite.Require(
            Directory.Exists(Path.Combine(RepositoryPaths.InteropDirectory, "node_modules", "@wecom", "crypto")) && NodeIsOnPath(),
            "@wecom/crypto (npm) or node",
            $"Run `npm ci` in {RepositoryPaths.InteropDirectory} (Node.js needed).");
    }

    public static async Task<JsonElement> RunAsync(object request)
    {
        var start = new ProcessStartInfo("node", [Script])
        {
            WorkingDirectory = RepositoryPaths.InteropDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(request));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"@wecom/crypto peer failed: {await error}");
        using var json = JsonDocument.Parse(await output);
        return json.RootElement.Clone();
    }

    public static async Task<string> EncryptAsync(string key, string message, string id, byte[]? random = null) =>
        (await RunAsync(new { op = "encrypt", key, message, id, random = random is null ? null : Convert.ToBase64String(random) }))
        .GetProperty("encrypt").GetString()!;

    public static async Task<(string Message, string Id, byte[] Random)> DecryptAsync(string key, string encrypt)
    {
        var result = await RunAsync(new { op = "decrypt", key, encrypt });
        return (result.GetProperty("message").GetString()!, result.GetProperty("id").GetString()!, Convert.FromBase64String(result.GetProperty("random").GetString()!));
    }

    public static async Task<string> SignAsync(string token, string timestamp, string nonce, string encrypt) =>
        (await RunAsync(new { op = "sign", token, timestamp, nonce, encrypt })).GetProperty("signature").GetString()!;

    private static bool NodeIsOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, "node")));
}
