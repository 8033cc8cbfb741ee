using System.Security.Cryptography;
using System.Text;

namespace WeComHelpBot.Channels.WeCom;

/// <summary>
/// What stands for a member wherever a WeCom conversation is stored or logged (conversation ids in bot state,
/// transcripts, analytics, tickets and log lines): a keyed hash of their UserID, which companies often set to the
/// member's mobile number. The real UserID stays in the turn (From.Id) and in memory, where replies need it.
/// A plain hash would not do: eleven-digit phone numbers are few enough to hash them all. The key is derived from the
/// app's EncodingAESKey, so every server process of one app agrees without a new setting; a new EncodingAESKey starts
/// members' conversations afresh (their half-finished flows are forgotten; tickets and transcripts stay).
/// </summary>
public sealed class WeComUserPseudonym
{
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("WeComHelpBot member pseudonym v1");

    private readonly byte[] key;

    public WeComUserPseudonym(string encodingAesKey, string corpId)
    {
        ArgumentException.ThrowIfNullOrEmpty(encodingAesKey);
        ArgumentNullException.ThrowIfNull(corpId);
        key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(encodingAesKey), 32, Encoding.UTF8.GetBytes(corpId), Purpose);
    }

    /// <summary>"m" and 24 hex digits (96 bits) for <paramref name="userId"/>; the same UserID always gives the same one.</summary>
    public string For(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(userId));
        return "m" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
