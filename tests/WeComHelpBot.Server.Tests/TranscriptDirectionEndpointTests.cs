using System.Net;
using System.Text;
using JsonSerializer = System.Text.Json.JsonSerializer;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Privacy;
using WeComHelpBot.Server.Tests.Support;
using WeComHelpBot.Storage.LiteDb;

namespace WeComHelpBot.Server.Tests;

/// <summary>The transcript tells the bot's lines from the user's by where they pass, whatever roles a body carries.</summary>
public sealed class TranscriptDirectionEndpointTests : IDisposable
{
    private readonly HelpBotServerFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task ActivityWithoutRolesOrId_TheBotsRepliesAreStoredAsBotLines()
    {
        var response = await PostAsync(new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["channelId"] = "emulator",
            ["conversation"] = new { id = "conv-noroles" },
            ["from"] = new { id = "user-1" },
            ["recipient"] = new { id = "bot-1" },
            ["text"] = "人脸识别怎么弄",
            ["locale"] = "zh-CN",
            ["deliveryMode"] = "expectReplies",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = StoredLines();
        Assert.Equal(TranscriptDirection.Incoming, Assert.Single(lines, l => l.Text == "人脸识别怎么弄").Direction);
        var botLines = lines.Where(l => l.Text != "人脸识别怎么弄").ToList();
        Assert.NotEmpty(botLines);
        Assert.All(botLines, l => Assert.Equal(TranscriptDirection.Outgoing, l.Direction));
    }

    [Fact]
    public async Task UserMessageReplyingToTheBot_WithoutRoles_IsStoredAsAUserLine()
    {
        await PostAsync(new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["id"] = "act-7",
            ["replyToId"] = "bot-reply-3",
            ["channelId"] = "emulator",
            ["conversation"] = new { id = "conv-replyto" },
            ["from"] = new { id = "user-1" },
            ["recipient"] = new { id = "bot-1" },
            ["text"] = "营业执照要原件吗",
            ["locale"] = "zh-CN",
            ["deliveryMode"] = "expectReplies",
        });

        var line = Assert.Single(StoredLines(), l => l.Text == "营业执照要原件吗");
        Assert.Equal(TranscriptDirection.Incoming, line.Direction);
    }

    private async Task<HttpResponseMessage> PostAsync(Dictionary<string, object?> activity)
    {
        using var content = new StringContent(JsonSerializer.Serialize(activity), Encoding.UTF8, "application/json");
        return await factory.CreateClient().PostAsync("/api/messages", content);
    }

    /// <summary>Every stored line, read from the collection so the test does not depend on how conversations are keyed.</summary>
    private List<TranscriptEntry> StoredLines() =>
        factory.Services.GetRequiredService<LiteDatabase>().GetCollection(LiteDbTranscriptStore.CollectionName).FindAll()
            .SelectMany(LiteDbTranscriptStore.EntriesOf)
            .ToList();
}
