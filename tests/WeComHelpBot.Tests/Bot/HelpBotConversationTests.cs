using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Bot;

/// <summary>HelpBot with the real knowledge handler over the fixture knowledge base, driven through TestAdapter.</summary>
public sealed class HelpBotConversationTests : IDisposable
{
    private readonly ServiceProvider services;
    private readonly TestAdapter adapter;
    private readonly IBot bot;

    public HelpBotConversationTests()
    {
        services = new ServiceCollection()
            .AddWeComHelpBot(new BotPaths { KnowledgeDirectory = TestPaths.ValidKnowledge, DataDirectory = Directory.CreateTempSubdirectory("wecomhelpbot-tests-").FullName })
            .BuildServiceProvider();
        bot = services.GetRequiredService<IBot>();
        adapter = new TestAdapter(TestAdapter.CreateConversation(nameof(HelpBotConversationTests))) { Locale = "zh-CN" };
    }

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task NewMember_IsWelcomedWithWhatTheBotCanDo()
    {
        var join = new Activity(ActivityTypes.ConversationUpdate) { MembersAdded = [new ChannelAccount("user1", "用户")] };

        await Flow().Send(join).AssertReply(BotTexts.Welcome).StartTestAsync();
    }

    [Fact]
    public async Task Question_GetsTheAnswerThenRelatedFollowUps()
    {
        await Flow()
            .Send("打款好几天了还没到账咋办")
            .AssertReply(a => Assert.StartsWith("先找到银行回执上的流水号", a.AsMessageActivity().Text))
            .AssertReply(a =>
            {
                var text = a.AsMessageActivity().Text;
                Assert.StartsWith(KnowledgeTexts.FollowUpPrompt, text);
                Assert.Contains("(1) 对公打款验证要多久", text);
                Assert.Contains("(2) 最多能添加多少成员", text);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task FollowUp_PickedByNumber_AnswersThatEntry()
    {
        await Flow()
            .Send("打款好几天了还没到账咋办")
            .AssertReply(_ => { })
            .AssertReply(_ => { })
            .Send("2")
            .AssertReply(a => Assert.StartsWith("企业初始最多 200 个成员", a.AsMessageActivity().Text))
            .AssertReply(a => Assert.Contains("(1) 对公打款验证要多久", a.AsMessageActivity().Text))
            .Send("第一个")
            .AssertReply(a => Assert.StartsWith("对公打款验证只需要银行账户信息", a.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task FollowUp_NumberOutOfRange_SaysWhichNumbersWork()
    {
        await Flow()
            .Send("打款好几天了还没到账咋办")
            .AssertReply(_ => { })
            .AssertReply(_ => { })
            .Send("7")
            .AssertReply(KnowledgeTexts.PickOutOfRange(2))
            .StartTestAsync();
    }

    [Fact]
    public async Task VagueQuestion_AsksWhichOneThenAnswersThePick()
    {
        // Thresholds chosen so that this question lands between clarify and answer.
        var retriever = services.GetRequiredService<KnowledgeRetriever>();
        var confidence = retriever.Search("打款").Top!.Confidence;
        retriever.Options.AnswerThreshold = confidence + 0.01;
        retriever.Options.ClarifyThreshold = confidence - 0.01;
        string? picked = null;

        await Flow()
            .Send("打款")
            .AssertReply(a =>
            {
                var text = a.AsMessageActivity().Text;
                Assert.StartsWith(KnowledgeTexts.ClarifyPrompt, text);
                Assert.Contains("(2) ", text);
                picked = text.Split('\n')[1]["(1) ".Length..].Split('　')[0];
            })
            .Send("1")
            .AssertReply(a => Assert.Equal(AnswerText.For(services.GetRequiredService<KnowledgeBase>().Entries.Single(e => e.Title == picked)), a.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("讲个笑话")]
    [InlineData("个人微信怎么改名字")]
    public async Task OutOfScopeQuestion_SaysSoAndListsWhatTheBotCanDo(string question)
    {
        await Flow().Send(question).AssertReply(KnowledgeTexts.OutOfScope).StartTestAsync();
    }

    [Fact]
    public async Task ImageAtAnUnlistedLink_IsNotDownloaded_AndTheReplySaysSo()
    {
        var image = new Activity(ActivityTypes.Message) { Attachments = [new Attachment("image/png", "https://example.invalid/a.png")] };

        await Flow().Send(image).AssertReply(WeComHelpBot.Images.ImageTexts.Remote).StartTestAsync();
    }

    [Fact]
    public async Task EmptyMessage_AsksForAQuestion()
    {
        await Flow().Send("   ").AssertReply(BotTexts.EmptyMessage).StartTestAsync();
    }

    [Fact]
    public async Task HugeMessage_IsRefusedWithTheLimit()
    {
        await Flow().Send(new string('啊', BotTexts.MaxMessageLength + 1)).AssertReply(BotTexts.MessageTooLong).StartTestAsync();
    }

    [Fact]
    public async Task NewQuestion_WhileChoicesAreOffered_IsAnsweredAsAQuestion()
    {
        await Flow()
            .Send("打款好几天了还没到账咋办")
            .AssertReply(_ => { })
            .AssertReply(_ => { })
            .Send("会话存档在哪开")
            .AssertReply(a => Assert.StartsWith("在「管理后台」-「应用管理」里开启会话存档", a.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task EnglishQuestion_IsAnsweredInEnglish_WithTheFollowUpsInEnglish()
    {
        await Flow()
            .Send("How many members can a sole proprietor add?")
            .AssertReply(a => Assert.StartsWith("A company starts with up to 200 members", a.AsMessageActivity().Text))
            .AssertReply(a =>
            {
                var text = a.AsMessageActivity().Text;
                Assert.StartsWith(KnowledgeTexts.EnglishFollowUpPrompt, text);
                Assert.Contains("(1) Bank transfer verification – how long it takes", text);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task StillNotWorking_AfterAnAnswer_ContinuesThatTopic()
    {
        await Flow()
            .Send("打款好几天了还没到账咋办")
            .AssertReply(_ => { })
            .AssertReply(_ => { })
            .Send("还是不行")
            .AssertReply(a => Assert.StartsWith("先找到银行回执上的流水号", a.AsMessageActivity().Text))
            .StartTestAsync();
    }

    private TestFlow Flow() => new(adapter, bot);
}
