using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeComHelpBot.Support;

namespace WeComHelpBot.Desk;

/// <summary>
/// Creates, lists and disables console accounts and checks sign-ins. After <see cref="SupportOptions.SignInAttempts"/>
/// wrong passwords in a row an account is locked for <see cref="SupportOptions.LockoutDuration"/>, even for the right one.
/// </summary>
public sealed class DeskAccounts(IDeskAccountStore store, TimeProvider time, IOptions<SupportOptions> options, ILogger<DeskAccounts> logger)
{
    public const int MinPasswordLength = 8;

    // A wrong name costs as long as a wrong password, so timing does not tell which names exist.
    private static readonly Lazy<string> DummyHash = new(() => DeskPasswordHasher.Hash(Guid.NewGuid().ToString()));

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Adds an account; throws <see cref="ArgumentException"/> (zh-CN message) for a bad name, a short password or a taken name.</summary>
    public async Task<DeskAccount> AddAsync(string name, DeskRole role, string password, CancellationToken cancellationToken = default)
    {
        name = (name ?? string.Empty).Trim();
        if (name.Length is 0 or > 32 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException("账号名须为 1–32 个字符，不能有空格。", nameof(name));
        }

        if ((password ?? string.Empty).Length < MinPasswordLength)
        {
            throw new ArgumentException($"密码至少 {MinPasswordLength} 位。", nameof(password));
        }

        var account = new DeskAccount(name, role, DeskPasswordHasher.Hash(password!), time.GetUtcNow());
        if (!await store.TryAddAsync(account, cancellationToken))
        {
            throw new ArgumentException($"账号 {name} 已存在。", nameof(name));
        }

        logger.LogInformation("Console account added with role {Role}", role);
        return account;
    }

    public Task<IReadOnlyList<DeskAccount>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(cancellationToken);

    public Task<DeskAccount?> FindAsync(string name, CancellationToken cancellationToken = default) => store.FindAsync(name, cancellationToken);

    /// <summary>Disables the account (its sessions stop working at their next request); false when there is none.</summary>
    public async Task<bool> DisableAsync(string name, CancellationToken cancellationToken = default)
    {
        return await store.UpdateAsync(name, account => account with { Disabled = true }, cancellationToken) is not null;
    }

    /// <summary>Checks a sign-in and counts failures; the account when it succeeded.</summary>
    public async Task<(SignInOutcome Outcome, DeskAccount? Account)> SignInAsync(string name, string password, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var account = await store.FindAsync((name ?? string.Empty).Trim(), cancellationToken);
            if (account is null)
            {
                DeskPasswordHasher.Verify(password ?? string.Empty, DummyHash.Value);
                return (SignInOutcome.Failed, null);
            }

            var now = time.GetUtcNow();
            if (account.Disabled)
            {
                return (SignInOutcome.Disabled, null);
            }

            if (account.LockedUntil is { } lockedUntil && lockedUntil > now)
            {
                return (SignInOutcome.LockedOut, null);
            }

            // The slow hash is checked outside the store's lock; the counters are then changed on the account as it is now,
            // which another process may have changed meanwhile (a wrong password counted there, `users disable`).
            var valid = DeskPasswordHasher.Verify(password ?? string.Empty, account.PasswordHash);
            var outcome = SignInOutcome.Failed;
            var lockedNow = false;
            var stored = await store.UpdateAsync(account.Name, current =>
            {
                if (current.Disabled)
                {
                    outcome = SignInOutcome.Disabled;
                    return current;
                }

                if (current.LockedUntil is { } until && until > now)
                {
                    outcome = SignInOutcome.LockedOut;
                    return current;
                }

                if (!valid)
                {
                    var failed = current.FailedSignIns + 1;
                    lockedNow = failed >= options.Value.SignInAttempts;
                    outcome = lockedNow ? SignInOutcome.LockedOut : SignInOutcome.Failed;
                    return current with { FailedSignIns = lockedNow ? 0 : failed, LockedUntil = lockedNow ? now + options.Value.LockoutDuration : current.LockedUntil };
                }

                outcome = SignInOutcome.Succeeded;
                return current with { FailedSignIns = 0, LockedUntil = null, LastSignIn = now };
            }, cancellationToken);
            if (lockedNow)
            {
                logger.LogWarning("Console account locked after {Attempts} wrong passwords", options.Value.SignInAttempts);
            }

            return outcome == SignInOutcome.Succeeded && stored is not null ? (outcome, stored) : (outcome, null);
        }
        finally
        {
            gate.Release();
        }
    }
}
