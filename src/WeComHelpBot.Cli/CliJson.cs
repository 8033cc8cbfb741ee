using System.Text.Encodings.Web;
using System.Text.Json;

namespace WeComHelpBot.Cli;

/// <summary>JSON output of the CLI: camelCase, one line, Chinese kept readable, nulls written.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
