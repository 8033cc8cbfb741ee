namespace WeComHelpBot.LocalAccess;

/// <summary>The body of POST /local/support/accounts: `wecomhelp users add` through the running server.</summary>
public sealed record LocalAccountRequest(string? Name, string? Role, string? Password);
