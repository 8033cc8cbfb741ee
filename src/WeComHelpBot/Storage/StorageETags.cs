using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace WeComHelpBot.Storage;

/// <summary>
/// How an <see cref="IStorage"/> value carries its ETag, as MemoryStorage reads it: an <see cref="IStoreItem"/>, or a
/// JObject/dictionary with an "eTag" (or "ETag") key. Shared by every provider so they agree on which writes are checked.
/// </summary>
internal static class StorageETags
{
    private static readonly string[] ETagKeys = ["eTag", "ETag"];

    public static bool TryGet(object? value, out string? etag)
    {
        switch (value)
        {
            case IStoreItem item:
                etag = item.ETag;
                return true;
            case JObject jobject:
                foreach (var name in ETagKeys)
                {
                    if (jobject.TryGetValue(name, StringComparison.Ordinal, out var token))
                    {
                        etag = token.Type == JTokenType.Null ? null : token.ToString();
                        return true;
                    }
                }

                break;
            case IDictionary<string, object> dictionary:
                foreach (var name in ETagKeys)
                {
                    if (dictionary.TryGetValue(name, out var raw))
                    {
                        etag = raw?.ToString();
                        return true;
                    }
                }

                break;
        }

        etag = null;
        return false;
    }

    public static void Set(JToken? json, string etag)
    {
        if (json is not JObject jobject)
        {
            return;
        }

        var existing = ETagKeys.FirstOrDefault(name => jobject.ContainsKey(name));
        jobject[existing ?? "ETag"] = etag;
    }
}
