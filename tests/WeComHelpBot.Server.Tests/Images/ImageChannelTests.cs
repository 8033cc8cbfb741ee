using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests.Images;

/// <summary>Images through the channels: Direct Line's upload (the web chat) and the WeCom callback (media/get).</summary>
public sealed class ImageChannelTests : IAsyncLifetime
{
    private FakeWeComApiServer api = null!;
    private HelpBotServerFactory factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        api = await FakeWeComApiServer.StartAsync();
        factory = new HelpBotServerFactory()
            .WithSetting("WeCom:ApiBaseUrl", api.BaseUrl)
            .WithSetting("WeCom:ReplyTimeout", "00:00:30")
            .WithSetting("DirectLine:MaxUploadBytes", "100000");
        client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task Upload_WithoutTheConversationsToken_Gets401()
    {
        var (conversationId, _) = await DirectLineEndpointsTests.StartAsync(client);
        var (_, otherToken) = await DirectLineEndpointsTests.StartAsync(client);

        var response = await UploadAsync(conversationId, otherToken, [1, 2, 3]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Upload_OverTheByteLimit_Gets413()
    {
        var (conversationId, token) = await DirectLineEndpointsTests.StartAsync(client);

        var response = await UploadAsync(conversationId, token, new byte[200_000]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Upload_OfACorruptImage_IsAnsweredAndTheEchoHoldsNoBytes()
    {
        var (conversationId, token) = await DirectLineEndpointsTests.StartAsync(client);

        var response = await UploadAsync(conversationId, token, Encoding.ASCII.GetBytes("not really a png"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (activities, _) = await DirectLineEndpointsTests.GetActivitiesAsync(client, conversationId, token, 0);
        var echo = activities.Single(a => a.GetProperty("from").GetProperty("role").GetString() == "user");
        Assert.Equal("截图.png", echo.GetProperty("attachments")[0].GetProperty("name").GetString());
        Assert.False(echo.GetProperty("attachments")[0].TryGetProperty("content", out _));
        Assert.Contains(activities, a => a.TryGetProperty("text", out var text) && text.GetString()!.Contains("不是能识别的图片", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Upload_OfAnErrorScreenshot_GetsTheFix()
    {
        ServerImages.RequireOcr();
        var (conversationId, token) = await DirectLineEndpointsTests.StartAsync(client);

        var response = await UploadAsync(conversationId, token, ServerImages.ErrorScreenshot(ServerImages.DuplicatePhoneError));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (activities, _) = await DirectLineEndpointsTests.GetActivitiesAsync(client, conversationId, token, 0);
        var texts = string.Join("\n", activities.Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null));
        Assert.Contains("我从截图里读到", texts);
        Assert.Contains("已停用", texts);
    }

    [SkippableFact]
    public async Task WeComImageMessage_IsDownloadedThroughMediaGetAndGetsTheFix()
    {
        ServerImages.RequireOcr();
        api.AddMedia("MEDIA1", ServerImages.ErrorScreenshot(ServerImages.DuplicatePhoneError), "image/png");

        var response = await client.SendAsync(WeComRequests.PostMessage(WeComRequests.ImageXml("zhangsan", "9100000000000000001", "MEDIA1")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = WeComRequests.DecryptReply(await response.Content.ReadAsStringAsync());
        Assert.Contains("我从截图里读到", reply.Content);
        Assert.Contains("已停用", reply.Content);
    }

    [Fact]
    public async Task WeComImageMessage_ThatCannotBeDownloaded_AsksAgain()
    {
        var response = await client.SendAsync(WeComRequests.PostMessage(WeComRequests.ImageXml("lisi", "9100000000000000002", "UNKNOWN")));

        var reply = WeComRequests.DecryptReply(await response.Content.ReadAsStringAsync());
        Assert.Equal(WeComHelpBot.Images.ImageTexts.NotReceived, reply.Content);
    }

    /// <summary>As botframework-directlinejs uploads: the activity and the file as parts of one multipart body.</summary>
    private async Task<HttpResponseMessage> UploadAsync(string conversationId, string token, byte[] file)
    {
        var activity = JsonSerializer.Serialize(new { type = "message", from = new { id = "web-user", role = "user" }, channelData = new { clientActivityID = "u1" } });
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(activity)) { Headers = { ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity") } }, "activity", "blob" },
            { new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "file", "截图.png" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=web-user") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
