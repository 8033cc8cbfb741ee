namespace WeComHelpBot.LocalAccess;

/// <summary>Why an account could not be added (zh-CN), as the server's local endpoint answers it.</summary>
public sealed record LocalAccountError(string Error);
