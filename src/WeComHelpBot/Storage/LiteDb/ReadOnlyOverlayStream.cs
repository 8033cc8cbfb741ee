namespace WeComHelpBot.Storage.LiteDb;

/// <summary>
/// A file opened for reading only, with writes kept in memory: LiteDB may write while it opens a file (it moves its log
/// into the data file), and the check that reads a file through LiteDB must not change it. Writes land in whole
/// 8 KB blocks (LiteDB writes pages), so the overlay holds only the pages LiteDB wrote.
/// </summary>
internal sealed class ReadOnlyOverlayStream : Stream
{
    private const int BlockSize = LiteDbPageCheck.PageSize;

    private readonly Stream source;
    private readonly Dictionary<long, byte[]> written = [];
    private long length;
    private long position;
    private long sourceLimit;

    /// <param name="source">Read from, never written; disposed with this stream. Null: an empty file.</param>
    public ReadOnlyOverlayStream(Stream? source)
    {
        this.source = source ?? new MemoryStream([], writable: false);
        length = this.source.Length;
        sourceLimit = length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => position = value;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length && position < length)
        {
            var block = position / BlockSize;
            var inBlock = (int)(position % BlockSize);
            var take = (int)Math.Min(Math.Min(buffer.Length - total, BlockSize - inBlock), length - position);
            var target = buffer.Slice(total, take);
            if (written.TryGetValue(block, out var data))
            {
                data.AsSpan(inBlock, take).CopyTo(target);
            }
            else
            {
                ReadSource(position, target);
            }

            total += take;
            position += take;
        }

        return total;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var block = position / BlockSize;
            var inBlock = (int)(position % BlockSize);
            var take = Math.Min(buffer.Length, BlockSize - inBlock);
            if (!written.TryGetValue(block, out var data))
            {
                data = new byte[BlockSize];
                var start = block * BlockSize;
                if (start < length)
                {
                    ReadSource(start, data.AsSpan(0, (int)Math.Min(BlockSize, length - start)));
                }

                written[block] = data;
            }

            buffer[..take].CopyTo(data.AsSpan(inBlock));
            buffer = buffer[take..];
            position += take;
            length = Math.Max(length, position);
        }
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };
        return position;
    }

    public override void SetLength(long value)
    {
        foreach (var block in written.Keys.Where(block => block * BlockSize >= value).ToList())
        {
            written.Remove(block);
        }

        length = value;
        sourceLimit = Math.Min(sourceLimit, value);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            source.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Bytes of the source at <paramref name="at"/>; past its end (or past where the file was cut) reads as zeros.</summary>
    private void ReadSource(long at, Span<byte> target)
    {
        target.Clear();
        var limit = Math.Min(sourceLimit, source.Length);
        if (at >= limit)
        {
            return;
        }

        source.Position = at;
        source.ReadAtLeast(target[..(int)Math.Min(target.Length, limit - at)], (int)Math.Min(target.Length, limit - at), throwOnEndOfStream: false);
    }
}
