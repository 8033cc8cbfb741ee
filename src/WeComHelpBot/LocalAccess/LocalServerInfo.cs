namespace WeComHelpBot.LocalAccess;

/// <summary>
/// What a running server tells the support commands on the same machine (server.json in its data folder): where its
/// local endpoint answers, the token that endpoint asks for, and which database file it holds.
/// </summary>
public sealed record LocalServerInfo(string Url, string Token, int ProcessId, string DatabaseFile);
