namespace WeComHelpBot.Channels.WeCom;

/// <summary>
/// The callback's query parameters, percent-decoded without turning '+' into a space: echostr is base64 and
/// arrives with %2B, %2F and %3D, and a literal '+' must stay a '+'.
/// </summary>
public sealed record WeComQuery(string? MsgSignature, string? Timestamp, string? Nonce, string? EchoStr)
{
    /// <param name="queryString">The raw query string, with or without the leading '?'.</param>
    public static WeComQuery Parse(string? queryString)
    {
        string? signature = null, timestamp = null, nonce = null, echoStr = null;
        var query = (queryString ?? string.Empty).AsSpan().TrimStart('?');
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var name = pair[..equals];
            var value = Decode(pair[(equals + 1)..]);
            if (name.SequenceEqual("msg_signature"))
            {
                signature ??= value;
            }
            else if (name.SequenceEqual("timestamp"))
            {
                timestamp ??= value;
            }
            else if (name.SequenceEqual("nonce"))
            {
                nonce ??= value;
            }
            else if (name.SequenceEqual("echostr"))
            {
                echoStr ??= value;
            }
        }

        return new WeComQuery(signature, timestamp, nonce, echoStr);
    }

    private static string Decode(ReadOnlySpan<char> value)
    {
        try
        {
            return Uri.UnescapeDataString(value.ToString());
        }
        catch (UriFormatException)
        {
            return value.ToString();
        }
    }
}
