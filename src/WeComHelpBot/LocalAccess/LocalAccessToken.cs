using System.Security.Cryptography;
using System.Text;

namespace WeComHelpBot.LocalAccess;

/// <summary>The secret of the server's local endpoint: 256 random bits, compared in constant time.</summary>
public static class LocalAccessToken
{
    /// <summary>The request header that carries the token.</summary>
    public const string HeaderName = "X-WeComHelp-Token";

    public static string Create() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>True when <paramref name="given"/> is the token; the time taken does not depend on where they differ.</summary>
    public static bool Matches(string expected, string? given)
    {
        if (string.IsNullOrEmpty(given))
        {
            return false;
        }

        // Hashing first makes both sides the same length, so not even the length of the token leaks through timing.
        var expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        var givenHash = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        return CryptographicOperations.FixedTimeEquals(expectedHash, givenHash);
    }
}
