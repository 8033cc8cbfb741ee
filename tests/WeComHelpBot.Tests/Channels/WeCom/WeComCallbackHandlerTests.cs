using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Channels;
using WeComHelpBot.Channels.WeCom;
using WeComHelpBot.Channels.WeComKf;
using V = WeComHelpBot.Tests.Channels.WeCom.WeComTestVectors;

namespace WeComHelpBot.Tests.Channels.WeCom;

public sealed class WeComCallbackHandlerTests : IDisposable
{
    // Before both official vector B timestamps, so a test can move the clock forward to either.
    private readonly FakeTimeProvider time = new(DateTimeOffset.FromUnixTimeSeconds(1476416000));
    private readonly WeComCrypto crypto = new(V.B.Token, V.B.EncodingAesKey, V.B.CorpId);
    private readonly FakeHttpHandler api;
    private readonly RecordingBot bot = new();
    private readonly RecordingKfEvents kfEvents = new();
    private readonly WeComCallbackHandler handler;
    private readonly LiteDB.LiteDatabase database = new(new MemoryStream());
    private readonly WeComHelpBot.Storage.LiteDb.LiteDbWriteQueue writes;

    public WeComCallbackHandlerTests()
    {
        writes = new WeComHelpBot.Storage.LiteDb.LiteDbWriteQueue(database);
        api = new FakeHttpHandler((request, _) => request.RequestUri!.AbsolutePath == "/cgi-bin/gettoken"
            ? """{"errcode":0,"access_token":"T","expires_in":7200}"""
            : """{"errcode":0,"errmsg":"ok"}""");
        handler = CreateHandler(new WeComOptions
        {
            CorpId = V.B.CorpId,
            Token = V.B.Token,
            EncodingAESKey = V.B.EncodingAesKey,
            AgentId = 1000002,
            Secret = "secret",
            ApiBaseUrl = "http://wecom.test",
        });
    }

    public void Dispose()
    {
        handler.Dispose();
        writes.Dispose();
        database.Dispose();
    }

    [Fact]
    public void VerifyUrl_AnswersOfficialVectorB_WithThePlaintextOnly()
    {
        time.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(long.Parse(V.B.GetTimestamp, CultureInfo.InvariantCulture)));

        var result = handler.VerifyUrl(new WeComQuery(V.B.GetSignature, V.B.GetTimestamp, V.B.GetNonce, V.B.EchoStr));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(V.B.EchoPlain, result.Body);
    }

    [Fact]
    public void VerifyUrl_RefusesForgedSignature_StaleTimestamp_AndMissingEchoStr()
    {
        time.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(long.Parse(V.B.GetTimestamp, CultureInfo.InvariantCulture)));

        Assert.Equal(403, handler.VerifyUrl(new WeComQuery(V.A.GetSignature, V.B.GetTimestamp, V.B.GetNonce, V.B.EchoStr)).StatusCode);
        Assert.Equal(400, handler.VerifyUrl(new WeComQuery(V.B.GetSignature, V.B.GetTimestamp, V.B.GetNonce, null)).StatusCode);
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(403, handler.VerifyUrl(new WeComQuery(V.B.GetSignature, V.B.GetTimestamp, V.B.GetNonce, V.B.EchoStr)).StatusCode);
    }

    [Fact]
    public async Task HandleMessageAsync_RunsOfficialVectorB_AndRepliesEncryptedAndSigned()
    {
        time.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(long.Parse(V.B.PostTimestamp, CultureInfo.InvariantCulture)));
        var body = Encoding.UTF8.GetBytes($"<xml><ToUserName><![CDATA[{V.B.CorpId}]]></ToUserName><Encrypt><![CDATA[{V.B.PostEncrypt}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>");

        var result = await handler.HandleMessageAsync(new WeComQuery(V.B.PostSignature, V.B.PostTimestamp, V.B.PostNonce, null), body);

        Assert.Equal(200, result.StatusCode);
        var turn = Assert.Single(bot.Turns);
        Assert.Equal("你好", turn.Text);
        Assert.Equal("ChenJiaShun", turn.From.Id);
        var reply = ReadReply(result);
        Assert.Equal("ChenJiaShun", reply.ToUserName);
        Assert.Equal(V.B.CorpId, reply.FromUserName);
        Assert.Equal("text", reply.MsgType);
        Assert.Equal("收到：你好", reply.Content);
    }

    [Fact]
    public async Task HandleMessageAsync_RefusesForgedSignature_BeforeDecrypting()
    {
        // The ciphertext is not decryptable at all: a 403 (not a 400 decrypt error) shows it was never decrypted.
        var (query, body) = Post(TextXml("m1", "hi"), encryptOverride: "Zm9yZ2Vk", signOverride: false);
        var result = await handler.HandleMessageAsync(query, body);

        Assert.Equal(403, result.StatusCode);
        Assert.Empty(bot.Turns);
    }

    [Fact]
    public async Task HandleMessageAsync_RefusesAnotherCorpId_BeforeCheckingOrDecrypting()
    {
        var (query, body) = Post(TextXml("m1", "hi"), envelopeCorpId: "ww0000000000000000");
        var result = await handler.HandleMessageAsync(query, body);

        Assert.Equal(403, result.StatusCode);
        Assert.Equal("corp id mismatch", result.Body);
        Assert.Empty(bot.Turns);
    }

    [Fact]
    public async Task HandleMessageAsync_RefusesCiphertextMadeForAnotherCorp()
    {
        var other = new WeComCrypto(V.B.Token, V.B.EncodingAesKey, "ww0000000000000000");
        var (query, body) = Post(TextXml("m1", "hi"), encryptOverride: other.Encrypt(TextXml("m1", "hi")), signOverride: true);
        var result = await handler.HandleMessageAsync(query, body);

        Assert.Equal(403, result.StatusCode);
        Assert.Empty(bot.Turns);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task HandleMessageAsync_RefusesTimestampsOutsideTheWindow(int offsetSeconds)
    {
        var (query, body) = Post(TextXml("m1", "hi"), timestampOffset: offsetSeconds);
        var result = await handler.HandleMessageAsync(query, body);

        Assert.Equal(403, result.StatusCode);
        Assert.Empty(bot.Turns);
    }

    [Fact]
    public async Task HandleMessageAsync_RefusesOversizedBodies_WithoutParsingThem()
    {
        var result = await handler.HandleMessageAsync(new WeComQuery("s", "1", "n", null), new byte[64 * 1024 + 1]);

        Assert.Equal(413, result.StatusCode);
    }

    [Theory]
    [InlineData(null, "1", "n")]
    [InlineData("s", null, "n")]
    [InlineData("s", "1", null)]
    [InlineData("s", "yesterday", "n")]
    public async Task HandleMessageAsync_RefusesMissingOrMalformedParameters_With400(string? signature, string? timestamp, string? nonce)
    {
        var result = await handler.HandleMessageAsync(new WeComQuery(signature, timestamp, nonce, null), "<xml/>"u8.ToArray());

        Assert.Equal(400, result.StatusCode);
    }

    [Fact]
    public async Task HandleMessageAsync_AnswersARedeliveredMessageOnce()
    {
        var (query, body) = Post(TextXml("4561255354251345929", "hi"));

        var first = await handler.HandleMessageAsync(query, body);
        var second = await handler.HandleMessageAsync(query, body);
        var (otherQuery, otherBody) = Post(TextXml("4561255354251345930", "hi again"));
        var third = await handler.HandleMessageAsync(otherQuery, otherBody);

        Assert.NotEqual(string.Empty, first.Body);
        Assert.Equal(WeComCallbackResult.Empty, second);
        Assert.NotEqual(string.Empty, third.Body);
        Assert.Equal(2, bot.Turns.Count);
    }

    [Fact]
    public async Task HandleMessageAsync_AnswersARedeliveredEventOnce_AndWelcomesOnEnterAgent()
    {
        var xml = $"<xml><ToUserName>{V.B.CorpId}</ToUserName><FromUserName>zhangsan</FromUserName><CreateTime>1740816000</CreateTime><MsgType>event</MsgType><Event>enter_agent</Event><EventKey></EventKey><AgentID>1000002</AgentID></xml>";
        var (query, body) = Post(xml);

        var first = await handler.HandleMessageAsync(query, body);
        var second = await handler.HandleMessageAsync(query, body);

        Assert.Equal("欢迎", ReadReply(first).Content);
        Assert.Equal(WeComCallbackResult.Empty, second);
        Assert.Equal(ActivityTypes.ConversationUpdate, Assert.Single(bot.Turns).Type);
    }

    [Fact]
    public async Task HandleMessageAsync_AnswersEmpty_WhenTheBotSaysNothing()
    {
        var xml = $"<xml><ToUserName>{V.B.CorpId}</ToUserName><FromUserName>zhangsan</FromUserName><CreateTime>1740816000</CreateTime><MsgType>event</MsgType><Event>click</Event><EventKey>k</EventKey></xml>";
        var (query, body) = Post(xml);

        Assert.Equal(WeComCallbackResult.Empty, await handler.HandleMessageAsync(query, body));
    }

    [Fact]
    public async Task HandleMessageAsync_AnswersEmptyAfterTheTimeLimit_ThenSendsTheReplyThroughMessageSend()
    {
        var (query, body) = Post(TextXml("slow-1", "慢"));

        var pending = handler.HandleMessageAsync(query, body);
        await bot.SlowTurnStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(4));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(WeComCallbackResult.Empty, result);
        Assert.Empty(api.Requests);
        bot.ReleaseSlowTurn.SetResult();
        await handler.WhenLateDeliveriesDoneAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var send = Assert.Single(api.Requests, r => r.PathAndQuery.StartsWith("/cgi-bin/message/send", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(send.Body);
        Assert.Equal("zhangsan", json.RootElement.GetProperty("touser").GetString());
        Assert.Equal("久等了", json.RootElement.GetProperty("text").GetProperty("content").GetString());
    }

    [Fact]
    public async Task HandleMessageAsync_SendsTheRestOfALongAnswerThroughMessageSend()
    {
        var (query, body) = Post(TextXml("long-1", "长"));

        var result = await handler.HandleMessageAsync(query, body);
        await handler.WhenLateDeliveriesDoneAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var passive = ReadReply(result).Content!;
        Assert.InRange(Encoding.UTF8.GetByteCount(passive), 1, 2048);
        var sent = api.Requests.Where(r => r.PathAndQuery.StartsWith("/cgi-bin/message/send", StringComparison.Ordinal))
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetProperty("content").GetString())
            .ToList();
        Assert.NotEmpty(sent);
        Assert.Equal(RecordingBot.LongAnswer.Replace("\n", string.Empty, StringComparison.Ordinal), (passive + string.Concat(sent)).Replace("\n", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handler_AnswersNotFound_WhenWeComIsNotConfigured()
    {
        using var unconfigured = CreateHandler(new WeComOptions());

        Assert.Equal(404, unconfigured.VerifyUrl(new WeComQuery("s", "1", "n", "e")).StatusCode);
        Assert.Equal(404, (await unconfigured.HandleMessageAsync(new WeComQuery("s", "1", "n", null), "<xml/>"u8.ToArray())).StatusCode);
    }

    [Fact]
    public async Task KfEvent_IsHandedToTheKfChannel_AndAnsweredEmptyAtOnce()
    {
        var xml = $"<xml><ToUserName><![CDATA[{V.B.CorpId}]]></ToUserName><CreateTime>1740816000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event><Token><![CDATA[ENCTOKEN1]]></Token><OpenKfId><![CDATA[wkKF1]]></OpenKfId></xml>";
        var (query, body) = Post(xml);

        var result = await handler.HandleMessageAsync(query, body);
        await handler.WhenLateDeliveriesDoneAsync();
        var again = await handler.HandleMessageAsync(query, body);
        await handler.WhenLateDeliveriesDoneAsync();

        Assert.Equal(200, result.StatusCode);
        Assert.Empty(result.Body);
        Assert.Equal(200, again.StatusCode);
        Assert.Equal([("ENCTOKEN1", "wkKF1")], kfEvents.Events);
    }

    private WeComCallbackHandler CreateHandler(WeComOptions options) => new(
        Options.Create(options),
        bot,
        new ReplyCollectingAdapter(new TurnErrorReporter(NullLogger<TurnErrorReporter>.Instance), []),
        new ConversationTurnGate(),
        new WeComApiClient(new HttpClient(api), Options.Create(options), time, NullLogger<WeComApiClient>.Instance),
        kfEvents,
        new WeComMessageIdStore(new WeComHelpBot.Storage.LiteDb.LiteDbWeComMessageIdLog(database, writes), Options.Create(options), time, NullLogger<WeComMessageIdStore>.Instance),
        time,
        NullLogger<WeComCallbackHandler>.Instance);

    private sealed class RecordingKfEvents : IWeComKfEventSink
    {
        public List<(string? Token, string OpenKfId)> Events { get; } = [];

        public Task HandleEventAsync(string? token, string openKfId, CancellationToken cancellationToken = default)
        {
            lock (Events)
            {
                Events.Add((token, openKfId));
            }

            return Task.CompletedTask;
        }
    }

    private static string TextXml(string msgId, string content) =>
        $"<xml><ToUserName><![CDATA[{V.B.CorpId}]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>1740816000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId><AgentID>1000002</AgentID></xml>";

    /// <param name="signOverride">Whether <paramref name="encryptOverride"/> is signed with the right token; a forger cannot, so it keeps the genuine signature.</param>
    private (WeComQuery Query, byte[] Body) Post(string innerXml, string? envelopeCorpId = null, string? encryptOverride = null, int timestampOffset = 0, bool signOverride = false)
    {
        var timestamp = (time.GetUtcNow().ToUnixTimeSeconds() + timestampOffset).ToString(CultureInfo.InvariantCulture);
        const string nonce = "1597212914";
        var encrypt = crypto.Encrypt(innerXml);
        var signature = crypto.ComputeSignature(timestamp, nonce, encrypt);
        var body = $"<xml><ToUserName><![CDATA[{envelopeCorpId ?? V.B.CorpId}]]></ToUserName><Encrypt><![CDATA[{encryptOverride ?? encrypt}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
        if (encryptOverride is not null && signOverride)
        {
            signature = crypto.ComputeSignature(timestamp, nonce, encryptOverride);
        }

        return (new WeComQuery(signature, timestamp, nonce, null), Encoding.UTF8.GetBytes(body));
    }

    private WeComMessage ReadReply(WeComCallbackResult result)
    {
        Assert.Equal(200, result.StatusCode);
        var envelope = System.Xml.Linq.XElement.Parse(result.Body);
        var encrypt = envelope.Element("Encrypt")!.Value;
        Assert.True(crypto.VerifySignature(envelope.Element("MsgSignature")!.Value, envelope.Element("TimeStamp")!.Value, envelope.Element("Nonce")!.Value, encrypt));
        return WeComXml.ParseMessage(crypto.DecryptForReceiver(encrypt));
    }

    private sealed class RecordingBot : IBot
    {
        public static readonly string LongAnswer = string.Concat(Enumerable.Range(1, 120).Select(i => $"第{i}条：企业微信注册的一个细节说明。\n"));

        private readonly List<Activity> turns = [];

        public IReadOnlyList<Activity> Turns
        {
            get
            {
                lock (turns)
                {
                    return turns.ToList();
                }
            }
        }

        public TaskCompletionSource SlowTurnStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ReleaseSlowTurn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            var activity = turnContext.Activity;
            lock (turns)
            {
                turns.Add(activity);
            }

            if (activity.Type == ActivityTypes.ConversationUpdate)
            {
                await turnContext.SendActivityAsync("欢迎", cancellationToken: cancellationToken);
            }
            else if (activity.Type == ActivityTypes.Message && activity.Text == "慢")
            {
                SlowTurnStarted.SetResult();
                await ReleaseSlowTurn.Task;
                await turnContext.SendActivityAsync("久等了", cancellationToken: cancellationToken);
            }
            else if (activity.Type == ActivityTypes.Message && activity.Text == "长")
            {
                await turnContext.SendActivityAsync(LongAnswer, cancellationToken: cancellationToken);
            }
            else if (activity.Type == ActivityTypes.Message)
            {
                await turnContext.SendActivityAsync($"收到：{activity.Text}", cancellationToken: cancellationToken);
            }
        }
    }
}
