using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Storage;
using WeComHelpBot.Support;
using WeComHelpBot.Privacy;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Tests.Storage;

/// <summary>
/// A real database with tickets, transcripts and bot state made through the library, and the ways a file gets damaged:
/// flipped header bytes, truncation at and off a page boundary, flipped bytes in page headers and slot directories,
/// an empty file, a file that is not LiteDB at all. Linked into the CLI and server test projects too.
/// </summary>
public static class DatabaseDamage
{
    public const int PageSize = 8192;

    /// <summary>Every kind of damage <see cref="Apply"/> knows, for theories.</summary>
    public static readonly string[] Kinds =
    [
        "header-magic", "header-page-type", "header-version", "header-collation", "header-last-page", "header-collection-name",
        "header-collection-page", "header-directory-length", "truncated-at-page", "truncated-off-page", "truncated-half",
        "data-page-id", "data-page-type", "data-page-collection", "data-page-slots", "index-page-slots", "zero-length",
        "not-litedb", "garbage-pages",
    ];

    public static TheoryData<string> KindData()
    {
        var data = new TheoryData<string>();
        foreach (var kind in Kinds)
        {
            data.Add(kind);
        }

        return data;
    }

    /// <summary>Makes a database with 30 tickets and ~400 transcript lines in <paramref name="dataDirectory"/>, and closes it.</summary>
    public static async Task<string> MakeAsync(string dataDirectory)
    {
        var paths = new BotPaths { DataDirectory = dataDirectory };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotStorage(paths);
        services.AddSupport(paths);
        await using (var provider = services.BuildServiceProvider())
        {
            var transcripts = provider.GetRequiredService<TranscriptStore>();
            var tickets = provider.GetRequiredService<TicketService>();
            var storage = provider.GetRequiredService<Microsoft.Bot.Builder.IStorage>();
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < 200; i++)
            {
                await transcripts.AppendAsync(
                [
                    new TranscriptEntry($"conv-{i % 40}", "test", now.AddSeconds(i), TranscriptDirection.Incoming, $"对公打款三天了还没到 {i}"),
                    new TranscriptEntry($"conv-{i % 40}", "test", now.AddSeconds(i), TranscriptDirection.Outgoing, $"一般1到3个工作日到账，请核对收款账户。{i}"),
                ]);
                if (i % 40 == 0)
                {
                    await storage.WriteAsync(new Dictionary<string, object> { [$"test/conversations/c{i}"] = new Dictionary<string, object> { ["turns"] = i } });
                }
            }

            for (var i = 0; i < 30; i++)
            {
                await tickets.CreateAsync(new TicketRequest($"conv-{i}", "13812345678", "某某科技有限公司", "对公打款验证超时", "三天没到账"));
            }
        }

        return paths.DatabaseFile;
    }

    /// <summary>Damages <paramref name="file"/> in place the way <paramref name="kind"/> says.</summary>
    public static void Apply(string file, string kind)
    {
        var bytes = File.ReadAllBytes(file);
        switch (kind)
        {
            case "header-magic": bytes[40] ^= 0xFF; break;
            case "header-page-type": bytes[4] = 7; break;
            case "header-version": bytes[59] = 7; break;
            case "header-last-page": bytes[64] ^= 0x10; break;
            case "header-collation":
                // Ordinal (0x40000000) flipped to None: the start-up collation rebuild would rewrite the whole file.
                bytes[87] ^= 0x40;
                break;
            case "header-collection-name":
                // One bit in the name "tickets": the collection would look empty and be made anew (the reported incident).
                bytes[IndexOf(bytes, "tickets"u8) + 4] ^= 0x04;
                break;
            case "header-collection-page": bytes[IndexOf(bytes, "tickets"u8) + "tickets".Length + 1] ^= 0x01; break;
            case "header-directory-length": bytes[193] ^= 0x40; break;
            case "truncated-at-page": bytes = bytes[..^PageSize]; break;
            case "truncated-off-page": bytes = bytes[..^(PageSize / 2 + 17)]; break;
            case "truncated-half": bytes = bytes[..(bytes.Length / PageSize / 2 * PageSize)]; break;
            case "data-page-id": bytes[PageOfType(bytes, 4) * PageSize] ^= 0x01; break;
            case "data-page-type": bytes[PageOfType(bytes, 4) * PageSize + 4] = 9; break;
            case "data-page-collection": bytes[PageOfType(bytes, 4) * PageSize + 19] ^= 0x20; break;
            case "data-page-slots": bytes[(PageOfType(bytes, 4) + 1) * PageSize - 3] ^= 0x10; break;
            case "index-page-slots": bytes[(PageOfType(bytes, 3) + 1) * PageSize - 1] ^= 0x08; break;
            case "zero-length": bytes = []; break;
            case "not-litedb": bytes = [.. "PK\u0003\u0004"u8, .. new byte[PageSize * 3 - 4]]; break;
            case "garbage-pages":
                var random = new Random(7);
                var page = PageOfType(bytes, 4);
                random.NextBytes(bytes.AsSpan(page * PageSize, PageSize * 2));
                break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        File.WriteAllBytes(file, bytes);
    }

    /// <summary>The SHA-256 of every file in the folder (name → hash), to prove nothing was written.</summary>
    public static IReadOnlyDictionary<string, string> Fingerprint(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => !f.EndsWith(".mode-lock", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> text) => bytes.AsSpan(0, PageSize).IndexOf(text);

    /// <summary>The middle page of the given LiteDB page type (3 index, 4 data).</summary>
    private static int PageOfType(byte[] bytes, byte type)
    {
        var pages = Enumerable.Range(1, bytes.Length / PageSize - 1).Where(p => bytes[p * PageSize + 4] == type).ToList();
        return pages[pages.Count / 2];
    }
}
