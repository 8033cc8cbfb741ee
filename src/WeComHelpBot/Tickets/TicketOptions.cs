namespace WeComHelpBot.Tickets;

/// <summary>
/// Section "Tickets": the key that encrypts tickets' contact phones (and 微信客服 reply addresses) at rest. Every process
/// that shares one PostgreSQL database needs the same key; giving it here, through configuration or a secret file, spares
/// copying the data folder's ticket-contact.key by hand. Neither value is ever logged or printed.
/// </summary>
public sealed class TicketOptions
{
    public const string SectionName = "Tickets";

    /// <summary>The 256-bit key as base64 (44 characters); wins over <see cref="ContactKeyFile"/> and the data folder's file.</summary>
    public string? ContactKey { get; set; }

    /// <summary>A file holding the 32-byte key (e.g. a mounted secret); it must exist. Wins over the data folder's file.</summary>
    public string? ContactKeyFile { get; set; }
}
