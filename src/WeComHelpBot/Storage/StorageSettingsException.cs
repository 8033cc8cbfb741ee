namespace WeComHelpBot.Storage;

/// <summary>
/// A storage setting that cannot work as written (an unknown <c>Storage:Provider</c>, a missing or unreadable
/// <c>Storage:ConnectionString</c>). The message is one zh-CN line that names the setting and never quotes a password.
/// </summary>
public sealed class StorageSettingsException(string message, Exception? innerException = null) : Exception(message, innerException);
