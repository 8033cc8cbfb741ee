using System.Buffers.Binary;
using LiteDB;

namespace WeComHelpBot.Storage.LiteDb;

/// <summary>
/// Reads every page of a LiteDB v5 data file and checks what a page says about itself against where it is and what
/// the header page says: LiteDB 5 has no page checksums and trusts these fields, so a flipped byte in one of them
/// turns into an empty collection, a loop or a write over good pages instead of an error. Read only, one pass.
/// </summary>
internal static class LiteDbPageCheck
{
    public const int PageSize = 8192;

    private const int PageHeaderSize = 32;
    private const byte EmptyPage = 0;
    private const byte HeaderPage = 1;
    private const byte CollectionPage = 2;
    private const byte IndexPage = 3;
    private const byte DataPage = 4;
    private const int FileVersionOffset = 59;
    private const byte FileVersion = 8;
    private const int FreeEmptyPageOffset = 60;
    private const int LastPageOffset = 64;
    private const int CollationSortOffset = 84;
    private const int InvalidStateOffset = 191;
    private const int CollectionsOffset = 192;
    private const int CollectionsSize = PageSize - CollectionsOffset;

    /// <summary>The first problem found in <paramref name="data"/> (a whole number of pages), or null.</summary>
    public static string? Check(Stream data)
    {
        var pageCount = data.Length / PageSize;
        var page = new byte[PageSize];
        data.Position = 0;
        data.ReadExactly(page);
        var collections = new HashSet<uint>();
        var problem = CheckHeader(page, pageCount, collections);
        if (problem is not null)
        {
            return problem;
        }

        var seenCollections = new HashSet<uint>();
        for (uint pageId = 1; pageId < pageCount; pageId++)
        {
            data.ReadExactly(page);
            problem = CheckPage(page, pageId, pageCount, collections, seenCollections);
            if (problem is not null)
            {
                return problem;
            }
        }

        var missing = collections.Except(seenCollections).ToList();
        return missing.Count == 0 ? null : $"第 {missing[0]} 页应为集合页，实际不是";
    }

    private static string? CheckHeader(byte[] page, long pageCount, HashSet<uint> collections)
    {
        if (ReadUInt32(page, 0) != 0 || page[4] != HeaderPage)
        {
            return "文件头页已损坏";
        }

        if (page[FileVersionOffset] != FileVersion)
        {
            return $"文件头中的版本号（{page[FileVersionOffset]}）不是 LiteDB 5 的";
        }

        if (page[InvalidStateOffset] != 0)
        {
            return "文件头标记数据库处于无效状态";
        }

        // Files this program makes compare ordinally; older ones have LiteDB's default (ignore case) and are rebuilt
        // once. Anything else is a damaged header, and would start a rebuild that rewrites the whole file.
        var sort = (System.Globalization.CompareOptions)BinaryPrimitives.ReadInt32LittleEndian(page.AsSpan(CollationSortOffset));
        if (sort is not (System.Globalization.CompareOptions.Ordinal or System.Globalization.CompareOptions.IgnoreCase))
        {
            return "文件头中的排序规则已损坏";
        }

        var lastPage = ReadUInt32(page, LastPageOffset);
        if (lastPage != pageCount - 1)
        {
            return $"文件头记录有 {(long)lastPage + 1} 页，文件实际有 {pageCount} 页（文件被截断或多出内容）";
        }

        var freeEmpty = ReadUInt32(page, FreeEmptyPageOffset);
        if (freeEmpty != uint.MaxValue && (freeEmpty == 0 || freeEmpty > lastPage))
        {
            return "文件头中的空闲页链表指向文件之外";
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(page.AsSpan(CollectionsOffset));
        if (length == 0 && IsAllZero(page.AsSpan(CollectionsOffset)))
        {
            // A new file: LiteDB writes the collection directory with the first collection.
            return null;
        }

        if (length < 5 || length > CollectionsSize)
        {
            return "文件头中的集合目录已损坏";
        }

        BsonDocument directory;
        try
        {
            directory = BsonSerializer.Deserialize(page.AsSpan(CollectionsOffset, length).ToArray());
        }
        catch (Exception)
        {
            // Damaged BSON throws whatever LiteDB's reader meets first.
            return "文件头中的集合目录已损坏";
        }

        foreach (var (name, value) in directory)
        {
            if (!IsCollectionName(name) || IsFlippedKnownName(name) || !value.IsInt32 || value.AsInt32 <= 0 || value.AsInt32 > lastPage || !collections.Add((uint)value.AsInt32))
            {
                return "文件头中的集合目录已损坏";
            }
        }

        return null;
    }

    private static string? CheckPage(byte[] page, uint pageId, long pageCount, HashSet<uint> collections, HashSet<uint> seenCollections)
    {
        var type = page[4];
        var storedId = ReadUInt32(page, 0);
        if (type == EmptyPage && storedId == 0 && IsAllZero(page))
        {
            // A page LiteDB extended the file with and never wrote.
            return null;
        }

        if (storedId != pageId)
        {
            return $"第 {pageId} 页的页号是 {storedId}";
        }

        if (type is not (EmptyPage or CollectionPage or IndexPage or DataPage))
        {
            return $"第 {pageId} 页的类型（{type}）无效";
        }

        if (!IsLink(ReadUInt32(page, 5), pageCount) || !IsLink(ReadUInt32(page, 9), pageCount))
        {
            return $"第 {pageId} 页的前后页链接指向文件之外";
        }

        var collection = ReadUInt32(page, 19);
        if (type == CollectionPage)
        {
            if (collection != pageId || !collections.Contains(pageId))
            {
                return $"第 {pageId} 页是集合页，但文件头的集合目录里没有它";
            }

            seenCollections.Add(pageId);
        }
        else if (type is IndexPage or DataPage && !collections.Contains(collection))
        {
            return $"第 {pageId} 页属于一个文件头里没有的集合";
        }

        return CheckSegments(page, pageId);
    }

    /// <summary>The slot directory at the end of the page: every used slot lies in the page's data area, and their sizes add up.</summary>
    private static string? CheckSegments(byte[] page, uint pageId)
    {
        int items = page[23];
        int highest = page[30];
        int used = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(24));
        int fragmented = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(26));
        int nextFree = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(28));
        if (items == 0)
        {
            return used == 0 && highest == byte.MaxValue ? null : $"第 {pageId} 页的内容目录已损坏";
        }

        var footer = PageSize - (highest + 1) * 4;
        if (highest == byte.MaxValue || items > highest + 1 || nextFree < PageHeaderSize || nextFree > footer || used + fragmented > footer - PageHeaderSize)
        {
            return $"第 {pageId} 页的内容目录已损坏";
        }

        var segments = new List<(int Position, int Length)>(items);
        for (var slot = 0; slot <= highest; slot++)
        {
            var at = PageSize - (slot + 1) * 4;
            int length = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(at));
            int position = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(at + 2));
            if (position == 0 && length == 0)
            {
                continue;
            }

            if (position < PageHeaderSize || length == 0 || position + length > nextFree)
            {
                return $"第 {pageId} 页的第 {slot} 项超出页面";
            }

            segments.Add((position, length));
        }

        if (segments.Count != items || segments.Sum(s => s.Length) != used)
        {
            return $"第 {pageId} 页的内容目录与内容不符";
        }

        segments.Sort();
        for (var i = 1; i < segments.Count; i++)
        {
            if (segments[i].Position < segments[i - 1].Position + segments[i - 1].Length)
            {
                return $"第 {pageId} 页的内容互相重叠";
            }
        }

        return null;
    }

    /// <summary>
    /// The collections this program makes. A name one or two bytes away from one of them is a flipped byte in the header
    /// (the collection would look empty and be made anew); a name far from all of them is left alone, so a newer
    /// version's collections do not make a sound file look damaged.
    /// </summary>
    internal static readonly string[] KnownCollections =
        ["bot_state", "transcripts", "analytics_events", "tickets", "ticket_counters", "wecom_message_ids", "health"];

    private static bool IsFlippedKnownName(string name) =>
        KnownCollections.Any(known => known.Length == name.Length && known != name
            && known.Zip(name).Count(pair => pair.First != pair.Second) <= 2);

    private static bool IsCollectionName(string name) =>
        name.Length is > 0 and <= 60 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$');

    private static bool IsLink(uint link, long pageCount) => link == uint.MaxValue || link < pageCount;

    private static bool IsAllZero(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0);

    private static uint ReadUInt32(byte[] page, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(offset));
}
