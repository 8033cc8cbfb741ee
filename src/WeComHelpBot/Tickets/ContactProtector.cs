using System.Security.Cryptography;
using System.Text;
using WeComHelpBot.Storage;

namespace WeComHelpBot.Tickets;

/// <summary>
/// Encrypts a ticket's contact phone at rest (AES-GCM) so the raw number never sits in the database file; only
/// <see cref="TicketService"/> reads it back. The 256-bit key lives apart from the database, so a copy of the database
/// alone does not reveal phone numbers: in its own file beside the database (created on first use), or, for processes
/// that share one database, in configuration (<see cref="TicketOptions"/>).
/// </summary>
public sealed class ContactProtector
{
    private const string Prefix = "enc1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int KeySize = 32;

    private readonly Lazy<byte[]> key;
    private readonly bool createIfMissing;

    /// <summary>The key in <paramref name="keyFile"/>, created there on first use.</summary>
    public ContactProtector(string keyFile)
        : this(keyFile, createIfMissing: true)
    {
    }

    private ContactProtector(string keyFile, bool createIfMissing)
    {
        KeyFile = keyFile;
        KeySource = $"密钥文件 {Path.GetFullPath(keyFile)}";
        this.createIfMissing = createIfMissing;
        key = new Lazy<byte[]>(LoadOrCreateKey, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private ContactProtector(byte[] configuredKey, string keySource)
    {
        KeyFile = null;
        KeySource = keySource;
        key = new Lazy<byte[]>(configuredKey);
    }

    /// <summary>The file the key is read from; null when it comes from the <c>Tickets:ContactKey</c> setting.</summary>
    public string? KeyFile { get; }

    /// <summary>Where the key comes from, for messages: the setting's name or the file's path (never the key).</summary>
    public string KeySource { get; }

    /// <summary>
    /// The key <paramref name="options"/> configure (<c>Tickets:ContactKey</c>, else <c>Tickets:ContactKeyFile</c>), else
    /// the data folder's <paramref name="dataFolderKeyFile"/>, created on first use. A configured key that cannot be a
    /// key throws <see cref="StorageSettingsException"/> naming the setting, never quoting it.
    /// </summary>
    public static ContactProtector FromSettings(TicketOptions options, string dataFolderKeyFile)
    {
        if (!string.IsNullOrWhiteSpace(options.ContactKey))
        {
            byte[]? configured = null;
            try
            {
                configured = Convert.FromBase64String(options.ContactKey.Trim());
            }
            catch (FormatException)
            {
                // Reported below with the wrong length: the message must not echo the value.
            }

            return configured is { Length: KeySize }
                ? new ContactProtector(configured, "设置 Tickets:ContactKey")
                : throw new StorageSettingsException(
                    $"设置 Tickets:ContactKey（环境变量 Tickets__ContactKey）应为 {KeySize} 字节密钥的 base64（44 个字符），例如用 openssl rand -base64 {KeySize} 生成。");
        }

        if (!string.IsNullOrWhiteSpace(options.ContactKeyFile))
        {
            var file = Path.GetFullPath(options.ContactKeyFile.Trim());
            return File.Exists(file)
                ? new ContactProtector(file, createIfMissing: false)
                : throw new StorageSettingsException(
                    $"设置 Tickets:ContactKeyFile（环境变量 Tickets__ContactKeyFile）指向的文件 {file} 不存在：请放入 {KeySize} 字节的密钥（例如 openssl rand {KeySize} > 文件），或复制已有的 ticket-contact.key。");
        }

        return new ContactProtector(dataFolderKeyFile);
    }

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
            throw new InvalidDataException($"工单的联系电话无法解密：{KeySource} 和加密时用的不是同一个密钥。", ex);
        }

        return Encoding.UTF8.GetString(plain);
    }

    private byte[] LoadOrCreateKey()
    {
        var keyFile = KeyFile!;
        if (File.Exists(keyFile) || !createIfMissing)
        {
            return ReadKey(keyFile);
        }

        DataFolderPermissions.CreateFolder(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        var created = RandomNumberGenerator.GetBytes(KeySize);
        try
        {
            using var stream = new FileStream(keyFile, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(created);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            return created;
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            // Another process created it first: use theirs.
            return ReadKey(keyFile);
        }
    }

    private static byte[] ReadKey(string keyFile)
    {
        var bytes = File.ReadAllBytes(keyFile);
        return bytes.Length == KeySize ? bytes : throw new InvalidDataException($"密钥文件 {keyFile} 已损坏（应为 {KeySize} 字节）。");
    }
}
