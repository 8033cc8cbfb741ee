using System.Security.Cryptography;
using System.Text;
using WeComHelpBot.Storage;

namespace WeComHelpBot.Tickets;

/// <summary>
/// Encrypts a ticket's contact phone at rest (AES-GCM) so the raw number never sits in the database file; only
/// <see cref="TicketService"/> reads it back. The 256-bit key lives in its own file beside the database
/// (created on first use), so a copy of the database alone does not reveal phone numbers.
/// </summary>
public sealed class ContactProtector
{
    private const string Prefix = "enc1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int KeySize = 32;

    private readonly Lazy<byte[]> key;

    public ContactProtector(string keyFile)
    {
        KeyFile = keyFile;
        key = new Lazy<byte[]>(LoadOrCreateKey, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string KeyFile { get; }

    /// <summary>
    /// Names the key without revealing it (the first 128 bits of its SHA-256), so processes sharing a database can check
    /// that they encrypt with the same key.
    /// </summary>
    public string KeyFingerprint => Convert.ToHexString(SHA256.HashData(key.Value).AsSpan(0, 16));

    public string Protect(string value)
    {
        var plain = Encoding.UTF8.GetBytes(value);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(key.Value, TagSize))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        return Prefix + Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    /// <summary>The stored value decrypted; a value stored before encryption existed is returned as it is.</summary>
    public string Unprotect(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        var data = Convert.FromBase64String(stored[Prefix.Length..]);
        if (data.Length < NonceSize + TagSize)
        {
            throw new InvalidDataException("工单的联系电话数据不完整，无法解密。");
        }

        var plain = new byte[data.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key.Value, TagSize);
            aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize + TagSize), data.AsSpan(NonceSize, TagSize), plain);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new InvalidDataException($"工单的联系电话无法解密：密钥文件 {KeyFile} 和加密时用的不是同一个。", ex);
        }

        return Encoding.UTF8.GetString(plain);
    }

    private byte[] LoadOrCreateKey()
    {
        if (File.Exists(KeyFile))
        {
            return ReadKey();
        }

        DataFolderPermissions.CreateFolder(Path.GetDirectoryName(Path.GetFullPath(KeyFile))!);
        var created = RandomNumberGenerator.GetBytes(KeySize);
        try
        {
            using var stream = new FileStream(KeyFile, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(created);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            return created;
        }
        catch (IOException) when (File.Exists(KeyFile))
        {
            // Another process created it first: use theirs.
            return ReadKey();
        }
    }

    private byte[] ReadKey()
    {
        var bytes = File.ReadAllBytes(KeyFile);
        return bytes.Length == KeySize ? bytes : throw new InvalidDataException($"密钥文件 {KeyFile} 已损坏（应为 {KeySize} 字节）。");
    }
}
