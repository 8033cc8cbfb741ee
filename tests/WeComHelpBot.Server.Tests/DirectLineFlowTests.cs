using System.Text.Json;
using WeComHelpBot.Server.Tests.Support;

namespace WeComHelpBot.Server.Tests;

/// <summary>
/// The guided flows of issue #13 through the web chat's path (Direct Line, the real bot, shipped flows and knowledge):
/// choices arrive as buttons and not also as numbered text, natural answers, corrections, 上一步, pause and resume,
/// a hand-over asked for in a sentence, and the rating prompt letting a question through.
/// </summary>
public sealed class DirectLineFlowTests(HelpBotServerFactory factory) : IClassFixture<HelpBotServerFactory>
{
    [Fact]
    public async Task AFlowChoiceStep_ComesAsButtons_NotAlsoAsNumberedText()
    {
        var chat = await WebChat.StartAsync(factory);

        var reply = Assert.Single(await chat.SayAsync("帮我选一下验证方式"), a => Buttons(a).Count > 0);

        Assert.Contains("您多快需要用上企业微信", Text(reply));
        Assert.Equal(2, Buttons(reply).Count);
        Assert.All(Buttons(reply), b => Assert.DoesNotContain(b, Text(reply)));
        Assert.DoesNotMatch(@"(^|\n)\s*[\(（]?1[\)）.、]", Text(reply));
    }

    [Fact]
    public async Task RelatedTopicsUnderAKnowledgeAnswer_AreButtons_NotAlsoNumberedText()
    {
        var chat = await WebChat.StartAsync(factory);

        var replies = await chat.SayAsync("个体户最多能加几个人");

        var buttons = replies.SelectMany(Buttons).ToList();
        Assert.Contains("个体工商户注册要什么材料", buttons);
        var text = string.Join("\n", replies.Select(Text));
        Assert.Contains("50", text);
        Assert.DoesNotContain("(1)", text);
        Assert.DoesNotContain("个体工商户注册要什么材料", text);
    }

    [Fact]
    public async Task AButtonPressed_AnswersTheStep_AndAHedgedYesIsReadAsYes()
    {
        var chat = await WebChat.StartAsync(factory);
        var first = (await chat.SayAsync("帮我选一下验证方式")).Single(a => Buttons(a).Count > 0);

        Assert.Contains("需要在企业微信里收款", await chat.SayTextAsync(Buttons(first)[1]));
        Assert.Contains("法定代表人本人有微信", await chat.SayTextAsync("暂时用不着"));
        Assert.Contains("刷脸吗", await chat.SayTextAsync("老板那边应该没问题"));
    }

    [Fact]
    public async Task ACorrection_ChangesTheEarlierAnswer_AndGoesOnWhereItWas()
    {
        var chat = await WebChat.StartAsync(factory);
        await chat.SayAsync("帮我选一下验证方式");
        await chat.SayAsync("不急");
        await chat.SayAsync("不需要");
        Assert.Contains("拿着身份证刷脸吗", await chat.SayTextAsync("没有"));

        var corrected = await chat.SayTextAsync("刚才选错了，其实很急");

        Assert.Contains("改成“很急，越快越好”", corrected);
        Assert.Contains("拿着身份证刷脸吗", corrected);
        Assert.DoesNotContain("需要在企业微信里收款", corrected);
        Assert.Contains("单位有对公银行账户吗", await chat.SayTextAsync("不能"));
        Assert.Contains("您比较急", await chat.SayTextAsync("有"));
    }

    [Fact]
    public async Task Back_AsksThePreviousQuestionAgain()
    {
        var chat = await WebChat.StartAsync(factory);
        await chat.SayAsync("帮我选一下验证方式");
        Assert.Contains("需要在企业微信里收款", await chat.SayTextAsync("不急"));

        var back = await chat.SayTextAsync("上一步");

        Assert.Contains("您多快需要用上企业微信", back);
    }

    [Fact]
    public async Task APause_KeepsTheFlow_AndContinueAsksTheSameQuestion_WithItsButtons()
    {
        var chat = await WebChat.StartAsync(factory);
        await chat.SayAsync("帮我选一下验证方式");
        await chat.SayAsync("不急");
        Assert.Contains("法定代表人本人有微信", await chat.SayTextAsync("不需要"));

        var paused = await chat.SayTextAsync("先到这里吧，我晚点再弄");
        Assert.Contains("说“继续”", paused);
        Assert.DoesNotContain("推荐您用", paused);

        var resumed = await chat.SayAsync("继续");

        var question = Assert.Single(resumed, a => Text(a).Contains("法定代表人本人有微信", StringComparison.Ordinal));
        Assert.Equal(2, Buttons(question).Count);
        Assert.Contains("刷脸吗", await chat.SayTextAsync("没有"));
    }

    [Fact]
    public async Task AHandoverAskedForInASentence_LeavesTheFlowForTheHandover()
    {
        var chat = await WebChat.StartAsync(factory);
        await chat.SayAsync("帮我选一下验证方式");
        await chat.SayAsync("不急");

        var handover = await chat.SayTextAsync("真麻烦，找个人帮我");

        Assert.Contains("我帮您转人工客服", handover);
        Assert.DoesNotContain("需要在企业微信里收款", handover);
    }

    [Fact]
    public async Task AQuestionAtTheRatingPrompt_IsAnswered_NotKeptAsTheRating()
    {
        var chat = await WebChat.StartAsync(factory);
        await chat.SayAsync("个体户最多能加几个人");
        Assert.Contains("满意吗", await chat.SayTextAsync("好的谢谢"));

        var answer = await chat.SayTextAsync("微信认证要交多少钱");

        Assert.Contains("300", answer);
        Assert.DoesNotContain("谢谢您的", answer);
    }

    private static string Text(JsonElement activity) =>
        activity.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty;

    private static List<string> Buttons(JsonElement activity) =>
        activity.TryGetProperty("suggestedActions", out var suggested) && suggested.ValueKind == JsonValueKind.Object
            ? suggested.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("value").GetString()!).ToList()
            : [];

    /// <summary>One web chat conversation over Direct Line: each message returns the bot's activities for it.</summary>
    private sealed class WebChat(HttpClient client, string conversationId, string token)
    {
        private int watermark = 1;

        public static async Task<WebChat> StartAsync(HelpBotServerFactory factory)
        {
            var client = factory.CreateClient();
            var (conversationId, token) = await DirectLineEndpointsTests.StartAsync(client);
            return new WebChat(client, conversationId, token);
        }

        public async Task<IReadOnlyList<JsonElement>> SayAsync(string text)
        {
            await DirectLineEndpointsTests.PostAsync(client, conversationId, token, text);
            var (activities, next) = await DirectLineEndpointsTests.GetActivitiesAsync(client, conversationId, token, watermark);
            watermark = int.Parse(next, System.Globalization.CultureInfo.InvariantCulture);
            return activities.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot").ToList();
        }

        public async Task<string> SayTextAsync(string text) => string.Join("\n", (await SayAsync(text)).Select(Text));
    }
}
