namespace WeComHelpBot.Storage;

/// <summary>The LiteDB file cannot be opened or used (locked, damaged, no permission). The message names the file.</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string filePath, string reason, Exception? innerException = null)
        : base($"无法使用数据文件 {filePath}：{reason}（文件未被修改，已有数据不会丢失）", innerException)
    {
        FilePath = filePath;
    }

    public string FilePath { get; }
}
