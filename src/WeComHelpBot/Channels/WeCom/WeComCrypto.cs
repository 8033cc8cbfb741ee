using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace WeComHelpBot.Channels.WeCom;

/// <summary>
/// WeCom's callback signature and cipher: SHA-1 over the sorted (token, timestamp, nonce, data) and AES-256-CBC
/// with IV = first 16 key bytes over random(16) ‖ length(4, big-endian) ‖ message ‖ receiveid, padded to 32 bytes.
/// Thread-safe: the key is immutable and every call uses its own cipher instance.
/// </summary>
public sealed class WeComCrypto
{
    private const int RandomLength = 16;
    private const int LengthFieldLength = 4;
    private const int EncodingAesKeyLength = 43;

    private readonly string token;
    private readonly byte[] key;
    private readonly byte[] iv;

    /// <param name="token">The callback Token from WeCom's admin console.</param>
    /// <param name="encodingAesKey">The 43-character EncodingAESKey.</param>
    /// <param name="receiveId">The corp id for a self-built app (empty for the AI bot API).</param>
    public WeComCrypto(string token, string encodingAesKey, string receiveId)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(receiveId);
        this.token = token;
        ReceiveId = receiveId;
        key = DecodeAesKey(encodingAesKey);
        iv = key[..16];
    }

    public string ReceiveId { get; }

    /// <summary>True when <paramref name="encodingAesKey"/> is 43 characters that decode to a 32-byte AES key.</summary>
    public static bool IsValidEncodingAesKey(string? encodingAesKey)
    {
        try
        {
            DecodeAesKey(encodingAesKey);
            return true;
        }
        catch (WeComCryptoException)
        {
            return false;
        }
    }

    /// <summary>Lowercase hex SHA-1 of token, timestamp, nonce and data sorted in ordinal order and concatenated.</summary>
    public string ComputeSignature(string timestamp, string nonce, string data)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(data);
        string[] parts = [token, timestamp, nonce, data];
        Array.Sort(parts, StringComparer.Ordinal);
        var joined = Encoding.UTF8.GetBytes(string.Concat(parts));
        return Convert.ToHexStringLower(SHA1.HashData(joined));
    }

    /// <summary>Compares in constant time so a forger learns nothing from how long a rejection takes.</summary>
    public bool VerifySignature(string? signature, string timestamp, string nonce, string data)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length != 40)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(ComputeSignature(timestamp, nonce, data));
        var actual = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>Encrypts <paramref name="message"/> for <see cref="ReceiveId"/> with fresh random bytes.</summary>
    public string Encrypt(string message)
    {
        Span<byte> random = stackalloc byte[RandomLength];
        RandomNumberGenerator.Fill(random);
        return Encrypt(message, random);
    }

    /// <summary>Encrypts with the given 16 random bytes; deterministic, for tests and interoperability checks.</summary>
    public string Encrypt(string message, ReadOnlySpan<byte> random)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (random.Length != RandomLength)
        {
            throw new ArgumentException($"WeCom's cipher needs exactly {RandomLength} random bytes.", nameof(random));
        }

        var messageLength = Encoding.UTF8.GetByteCount(message);
        var receiveIdLength = Encoding.UTF8.GetByteCount(ReceiveId);
        var contentLength = RandomLength + LengthFieldLength + messageLength + receiveIdLength;
        var plain = new byte[contentLength + WeComPkcs7.PaddingLength(contentLength)];

        random.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomLength), messageLength);
        Encoding.UTF8.GetBytes(message, plain.AsSpan(RandomLength + LengthFieldLength));
        Encoding.UTF8.GetBytes(ReceiveId, plain.AsSpan(RandomLength + LengthFieldLength + messageLength));
        WeComPkcs7.WritePadding(plain.AsSpan(contentLength));

        try
        {
            using var aes = CreateAes();
            return Convert.ToBase64String(aes.EncryptCbc(plain, iv, PaddingMode.None));
        }
        catch (CryptographicException)
        {
            throw new WeComCryptoException(WeComErrorCode.EncryptAesError, "Encryption failed");
        }
    }

    /// <summary>Decrypts a ciphertext without checking who it was meant for; see <see cref="DecryptForReceiver"/>.</summary>
    public WeComDecryptedMessage Decrypt(string encrypted)
    {
        ArgumentNullException.ThrowIfNull(encrypted);
        var cipher = DecodeBase64(encrypted);
        if (cipher.Length == 0 || cipher.Length % WeComPkcs7.BlockSize != 0)
        {
            throw new WeComCryptoException(WeComErrorCode.DecryptAesError, "Ciphertext length is not a whole number of blocks");
        }

        byte[] plain;
        try
        {
            using var aes = CreateAes();
            plain = aes.DecryptCbc(cipher, iv, PaddingMode.None);
        }
        catch (CryptographicException)
        {
            throw new WeComCryptoException(WeComErrorCode.DecryptAesError, "Decryption failed");
        }

        var contentLength = WeComPkcs7.UnpaddedLength(plain);
        if (contentLength < 0)
        {
            throw new WeComCryptoException(WeComErrorCode.DecryptAesError, "Padding is not valid");
        }

        if (contentLength < RandomLength + LengthFieldLength)
        {
            throw new WeComCryptoException(WeComErrorCode.IllegalBuffer, "Plaintext is too short");
        }

        var messageLength = BinaryPrimitives.ReadInt32BigEndian(plain.AsSpan(RandomLength));
        var messageStart = RandomLength + LengthFieldLength;
        if (messageLength < 0 || messageLength > contentLength - messageStart)
        {
            throw new WeComCryptoException(WeComErrorCode.IllegalBuffer, "Message length field is out of range");
        }

        try
        {
            var strict = new UTF8Encoding(false, true);
            var message = strict.GetString(plain, messageStart, messageLength);
            var receiveId = strict.GetString(plain, messageStart + messageLength, contentLength - messageStart - messageLength);
            return new WeComDecryptedMessage(message, receiveId);
        }
        catch (DecoderFallbackException)
        {
            throw new WeComCryptoException(WeComErrorCode.IllegalBuffer, "Plaintext is not UTF-8");
        }
    }

    /// <summary>Decrypts and checks that the ciphertext was made for <see cref="ReceiveId"/>; returns the message.</summary>
    public string DecryptForReceiver(string encrypted)
    {
        var decrypted = Decrypt(encrypted);
        if (!string.Equals(decrypted.ReceiveId, ReceiveId, StringComparison.Ordinal))
        {
            throw new WeComCryptoException(WeComErrorCode.ValidateCorpIdError, "Receive id does not match the configured corp id");
        }

        return decrypted.Message;
    }

    private static byte[] DecodeAesKey(string? encodingAesKey)
    {
        if (encodingAesKey is null || encodingAesKey.Length != EncodingAesKeyLength)
        {
            throw new WeComCryptoException(WeComErrorCode.IllegalAesKey, $"EncodingAESKey must be {EncodingAesKeyLength} characters");
        }

        try
        {
            var decoded = Convert.FromBase64String(encodingAesKey + "=");
            return decoded.Length == 32
                ? decoded
                : throw new WeComCryptoException(WeComErrorCode.IllegalAesKey, "EncodingAESKey does not decode to 32 bytes");
        }
        catch (FormatException)
        {
            throw new WeComCryptoException(WeComErrorCode.IllegalAesKey, "EncodingAESKey is not base64");
        }
    }

    private static byte[] DecodeBase64(string encrypted)
    {
        try
        {
            return Convert.FromBase64String(encrypted);
        }
        catch (FormatException)
        {
            throw new WeComCryptoException(WeComErrorCode.DecodeBase64Error, "Ciphertext is not base64");
        }
    }

    private Aes CreateAes()
    {
        var aes = Aes.Create();
        aes.Key = key;
        return aes;
    }
}
