namespace WeComHelpBot.Desk;

/// <summary>A support console account. <see cref="PasswordHash"/> is a salted PBKDF2 hash (<see cref="DeskPasswordHasher"/>).</summary>
public sealed record DeskAccount(string Name, DeskRole Role, string PasswordHash, DateTimeOffset CreatedAt)
{
    public bool Disabled { get; init; }

    /// <summary>Wrong passwords in a row since the last sign-in or lockout.</summary>
    public int FailedSignIns { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }

    public DateTimeOffset? LastSignIn { get; init; }

    /// <summary>The key an account is stored under: names are compared case-insensitively, ignoring surrounding spaces.</summary>
    public static string KeyOf(string name) => (name ?? string.Empty).Trim().ToLowerInvariant();
}
