using System.Security.Cryptography;
using WeComHelpBot.Storage;
using WeComHelpBot.Tests.Storage;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Tests.Tickets;

/// <summary>The contact key from configuration (Tickets:ContactKey, Tickets:ContactKeyFile) wins over the data folder's file.</summary>
public sealed class ContactKeySettingsTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ConfiguredKey_WinsOverTheDataFolderFile_AndTwoFoldersShareIt()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var first = Directory.CreateDirectory(folder.File("a")).FullName;
        var second = Directory.CreateDirectory(folder.File("b")).FullName;
        var ownFile = new ContactProtector(Path.Combine(first, "ticket-contact.key"));
        var stored = ownFile.Protect("13812345678");

        var configured = ContactProtector.FromSettings(new TicketOptions { ContactKey = key }, Path.Combine(first, "ticket-contact.key"));
        var elsewhere = ContactProtector.FromSettings(new TicketOptions { ContactKey = key }, Path.Combine(second, "ticket-contact.key"));

        Assert.Equal("13812345678", elsewhere.Unprotect(configured.Protect("13812345678")));
        Assert.Equal(configured.KeyFingerprint, elsewhere.KeyFingerprint);
        Assert.NotEqual(ownFile.KeyFingerprint, configured.KeyFingerprint);
        Assert.Throws<InvalidDataException>(() => configured.Unprotect(stored));
        Assert.False(File.Exists(Path.Combine(second, "ticket-contact.key")), "a configured key must not leave a key file behind");
        Assert.Null(configured.KeyFile);
    }

    [Fact]
    public void ConfiguredKeyFile_IsRead_AndWinsOverTheDataFolderFile()
    {
        var keyFile = folder.File("mounted-secret.key");
        File.WriteAllBytes(keyFile, RandomNumberGenerator.GetBytes(32));
        var fromFile = new ContactProtector(keyFile);

        var configured = ContactProtector.FromSettings(new TicketOptions { ContactKeyFile = keyFile }, folder.File("ticket-contact.key"));

        Assert.Equal(fromFile.KeyFingerprint, configured.KeyFingerprint);
        Assert.False(File.Exists(folder.File("ticket-contact.key")));
    }

    [Fact]
    public void MissingConfiguredKeyFile_IsRefused_NotCreated()
    {
        var keyFile = folder.File("typo.key");

        var error = Assert.Throws<StorageSettingsException>(() => ContactProtector.FromSettings(new TicketOptions { ContactKeyFile = keyFile }, folder.File("ticket-contact.key")));

        Assert.Contains("Tickets:ContactKeyFile", error.Message);
        Assert.False(File.Exists(keyFile));
    }

    [Theory]
    [InlineData("not base64 at all, secret-ish")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")]
    public void KeyThatIsNot256Bits_IsRefused_NamingTheSettingNotTheValue(string value)
    {
        var error = Assert.Throws<StorageSettingsException>(() => ContactProtector.FromSettings(new TicketOptions { ContactKey = value }, folder.File("ticket-contact.key")));

        Assert.Contains("Tickets:ContactKey", error.Message);
        Assert.DoesNotContain(value, error.Message);
    }

    [Fact]
    public void WithoutSettings_TheDataFolderFileIsUsed()
    {
        var protector = ContactProtector.FromSettings(new TicketOptions(), folder.File("ticket-contact.key"));

        _ = protector.Protect("13812345678");

        Assert.True(File.Exists(folder.File("ticket-contact.key")));
    }
}
