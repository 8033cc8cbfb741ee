using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests.Fuzz;

/// <summary>Generated bad bodies for POST /api/messages: every one is answered 200 or 4xx, never 5xx.</summary>
public sealed class BotFrameworkJsonFuzzTests(HelpBotServerFactory factory) : IClassFixture<HelpBotServerFactory>
{
    private static readonly string[] Fields = ["type", "id", "channelId", "text", "conversation", "from", "recipient", "locale", "deliveryMode", "serviceUrl", "attachments", "entities", "value", "timestamp", "membersAdded", "channelData", "suggestedActions"];

    private static JsonObject Valid(int i) => new()
    {
        ["type"] = "message",
        ["id"] = $"fuzz-{i}",
        ["channelId"] = "emulator",
        ["conversation"] = new JsonObject { ["id"] = $"fuzz-conv-{i % 7}" },
        ["from"] = new JsonObject { ["id"] = "fuzz-user" },
        ["recipient"] = new JsonObject { ["id"] = "bot" },
        ["text"] = "企业微信怎么注册",
        ["locale"] = "zh-CN",
        ["deliveryMode"] = "expectReplies",
    };

    [Theory]
    [InlineData(101)]
    [InlineData(102)]
    [InlineData(103)]
    public async Task GeneratedBadBodies_AreAnsweredWithoutServerErrors(int seed)
    {
        var client = factory.CreateClient();
        var random = new Random(seed);
        for (var i = 0; i < 100; i++)
        {
            var (kind, body) = BadBody(random, i);

            using var response = await client.PostAsync("/api/messages", new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } });

            var status = (int)response.StatusCode;
            Assert.True(status is 200 or (>= 400 and < 500), $"case {i} ({kind}) was answered {status}");
            if (status == 200 && response.Content.Headers.ContentLength > 0)
            {
                using var _ = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            }
        }
    }

    private static (string Kind, byte[] Body) BadBody(Random random, int i)
    {
        var valid = Valid(i);
        var json = valid.ToJsonString();
        switch (i % 9)
        {
            case 0:
                return ("truncated", Encoding.UTF8.GetBytes(json[..random.Next(0, json.Length)]));
            case 1:
                valid[Fields[random.Next(Fields.Length)]] = WrongValue(random);
                return ("wrong type", Encoding.UTF8.GetBytes(valid.ToJsonString()));
            case 2:
                var depth = random.Next(50, 3000);
                return ("deep nesting", Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)));
            case 3:
                valid["text"] = new string('长', random.Next(5_000, 100_000));
                return ("huge text", Encoding.UTF8.GetBytes(valid.ToJsonString()));
            case 4:
                var bytes = new byte[random.Next(1, 2000)];
                random.NextBytes(bytes);
                return ("random bytes", bytes);
            case 5:
                valid.Remove(Fields[random.Next(Fields.Length)]);
                return ("missing field", Encoding.UTF8.GetBytes(valid.ToJsonString()));
            case 6:
                valid["type"] = FuzzType(random);
                return ("odd activity type", Encoding.UTF8.GetBytes(valid.ToJsonString()));
            case 7:
                var utf8 = Encoding.UTF8.GetBytes(json);
                utf8[random.Next(utf8.Length)] = (byte)random.Next(0x80, 0x100);
                return ("invalid UTF-8", utf8);
            default:
                valid["channelData"] = Nested(random, random.Next(10, 60));
                return ("nested channelData", Encoding.UTF8.GetBytes(valid.ToJsonString()));
        }
    }

    private static JsonNode? WrongValue(Random random) => random.Next(6) switch
    {
        0 => JsonValue.Create(random.Next()),
        1 => new JsonArray(1, "x", null),
        2 => null,
        3 => JsonValue.Create(true),
        4 => new JsonObject { ["id"] = new JsonArray() },
        _ => JsonValue.Create(""),
    };

    private static string FuzzType(Random random)
    {
        string[] types = ["", " ", "event", "invoke", "typing", "endOfConversation", "conversationUpdate", "messageReaction", "installationUpdate", "trace", "handoff", "MESSAGE", "未知"];
        return types[random.Next(types.Length)];
    }

    private static JsonNode Nested(Random random, int depth) =>
        depth == 0 ? JsonValue.Create(random.Next()) : new JsonObject { ["a"] = Nested(random, depth - 1) };
}
