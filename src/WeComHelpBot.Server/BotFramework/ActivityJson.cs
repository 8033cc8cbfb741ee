using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace WeComHelpBot.Server.BotFramework;

/// <summary>
/// Activities as JSON, with the Bot Framework's conventions (Newtonsoft, nulls omitted) and a nesting limit:
/// the SDK reads request bodies with no depth limit, which lets a deeply nested body exhaust the stack.
/// </summary>
internal static class ActivityJson
{
    private const int MaxDepth = 64;

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateFormatHandling = DateFormatHandling.IsoDateFormat,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        MaxDepth = MaxDepth,
    });

    /// <summary>Reads one JSON object as an Activity; <paramref name="error"/> says why not (never quoting the body).</summary>
    public static bool TryRead(byte[] body, out Activity? activity, out string? error)
    {
        activity = null;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(body), Encoding.UTF8)) { MaxDepth = MaxDepth };
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
            {
                error = "The body must be one JSON object (an Activity).";
                return false;
            }

            activity = Serializer.Deserialize<Activity>(reader);
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    error = "The body has content after the Activity object.";
                    activity = null;
                    return false;
                }
            }

            error = activity is null ? "The body is not an Activity." : null;
            return activity is not null;
        }
        catch (JsonException e)
        {
            error = e is JsonReaderException reader
                ? $"The body is not valid JSON (line {reader.LineNumber}, position {reader.LinePosition})."
                : "The body does not have the shape of an Activity.";
            return false;
        }
    }

    public static async Task WriteAsync(HttpResponse response, int statusCode, object? value)
    {
        response.StatusCode = statusCode;
        if (value is null)
        {
            return;
        }

        response.ContentType = "application/json; charset=utf-8";
        var json = new StringBuilder(256);
        using (var writer = new JsonTextWriter(new StringWriter(json)))
        {
            Serializer.Serialize(writer, value);
        }

        await response.WriteAsync(json.ToString(), response.HttpContext.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpResponse response, int statusCode, string code, string message) =>
        WriteAsync(response, statusCode, new ErrorResponse(new Error(code, message)));
}
