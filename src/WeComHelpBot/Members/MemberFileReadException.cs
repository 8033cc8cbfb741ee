namespace WeComHelpBot.Members;

/// <summary>The file could not be read as a spreadsheet at all (missing, unsupported type, corrupt). The message names the file.</summary>
public sealed class MemberFileReadException : Exception
{
    public MemberFileReadException(string fileName, string reason, Exception? innerException = null)
        : base($"无法读取成员文件 {fileName}：{reason}", innerException)
    {
        FileName = fileName;
        Reason = reason;
    }

    /// <summary>Why, without the file's name (for replies about other kinds of attachment).</summary>
    public string Reason { get; }

    public string FileName { get; }
}
