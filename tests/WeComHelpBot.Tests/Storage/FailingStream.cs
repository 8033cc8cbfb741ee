namespace WeComHelpBot.Tests.Storage;

/// <summary>A memory "disk" that starts failing writes on demand, as a full or read-only disk does.</summary>
internal sealed class FailingStream : MemoryStream
{
    public bool FailWrites { get; set; }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ThrowIfFailing();
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfFailing();
        base.Write(buffer);
    }

    public override void SetLength(long value)
    {
        ThrowIfFailing();
        base.SetLength(value);
    }

    private void ThrowIfFailing()
    {
        if (FailWrites)
        {
            throw new IOException("Read-only file system");
        }
    }
}
