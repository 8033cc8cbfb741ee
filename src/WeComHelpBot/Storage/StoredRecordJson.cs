using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeComHelpBot.Storage;

/// <summary>
/// How records kept as JSON beside their key (console accounts, audit entries, desk records, holds...) are written, in
/// LiteDB and PostgreSQL alike, so both backends hold the same JSON.
/// </summary>
public static class StoredRecordJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
