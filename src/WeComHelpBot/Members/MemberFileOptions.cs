namespace WeComHelpBot.Members;

/// <summary>
/// How much of a member file is read and how much is said about it, bound from "Support:MemberFiles". The defaults are
/// the contract (2 MB, 20,000 data rows, 20 problems in at most 4,000 characters): a real import template holds at
/// most 1,000 members per batch, so they never cut a genuine file, and they bound what a stranger's file can cost.
/// </summary>
public sealed class MemberFileOptions
{
    /// <summary>Files larger than this are refused, counted while the bytes arrive (never buffered past it).</summary>
    public long MaxFileBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Data rows (after the header) read; the rest is left unread and the report says the file was cut off.</summary>
    public int MaxDataRows { get; set; } = 20_000;

    /// <summary>An .xlsx with a cell beyond this column is refused: MiniExcel gives every row a cell for every column up to the widest.</summary>
    public int MaxColumns { get; set; } = 64;

    /// <summary>A cell longer than this keeps only its start: names, phones and departments are short.</summary>
    public int MaxCellChars { get; set; } = 256;

    /// <summary>What all parts of an .xlsx may add up to once unzipped (a small zip can unpack to gigabytes).</summary>
    public long MaxUncompressedBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Problems listed in a chat reply; the rest are counted by kind.</summary>
    public int MaxReplyProblems { get; set; } = 20;

    /// <summary>Longest chat reply about a member file, in characters.</summary>
    public int MaxReplyChars { get; set; } = 4_000;

    /// <summary>An attachment download (connect, headers and body) taking longer than this is given up.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Hosts ("files.example.com" or "files.example.com:8443") whose http(s) attachment links are downloaded. Empty,
    /// the default, downloads nothing: a link in an activity is chosen by whoever sent it, so fetching any link would
    /// let a stranger make the server call internal services (SSRF).
    /// </summary>
    public List<string> DownloadHosts { get; set; } = [];
}
