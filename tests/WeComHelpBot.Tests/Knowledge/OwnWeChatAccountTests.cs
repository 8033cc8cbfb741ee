using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Understanding;

namespace WeComHelpBot.Tests.Knowledge;

/// <summary>
/// Questions about a WeChat account of one's own were answered with the entry on personal WeChat and WeCom (their data are
/// kept apart), the duplicate-phone fix, or the registration entrances (微信公众号怎么注册): the knowledge base's words made
/// them look like the domain.
/// </summary>
public sealed class OwnWeChatAccountTests
{
    private readonly KnowledgeRetriever retriever = ShippedKnowledge.Retriever;

    [Theory]
    [InlineData("私人微信被封号了咋解封", true)]
    [InlineData("个人号怎么改绑手机号码", true)]
    [InlineData("How do I recover my personal WeChat password?", true)]
    [InlineData("想开个微信公众号发文章", true)]
    [InlineData("公众号怎么注册", true)] // registering an Official Account itself
    [InlineData("公众号咋申请啊", true)]
    [InlineData("能在公众号上注册吗", false)] // registering WeCom through the Official Account: one of the entrances
    [InlineData("个人微信跟企业微信的聊天记录会互通吗", false)]
    [InlineData("能用企业微信公众号注册吗", false)]
    [InlineData("企微里能看到我自己微信的聊天吗", false)]
    [InlineData("法人没有微信怎么验证", false)]
    [InlineData("微信认证要多少钱", false)]
    [InlineData("单位能不能看到我私人微信上的消息", false)] // the personal account beside the work: how the two are kept apart
    [InlineData("同事都用自己微信谈工作，会不会乱", false)]
    [InlineData("我私人微信里发的东西老板瞅得见不", false)] // someone at work who might see it: the same question
    [InlineData("个人微信聊天会被厂里监控吗", false)]
    [InlineData("公司想开个订阅号发新闻", true)] // an Official Account stays another product, work or not
    public void IsAbout_AnAccountOfOnesOwnAndNotWeCom(string question, bool about) => Assert.Equal(about, OwnWeChatAccount.IsAbout(question));

    [Theory]
    [InlineData("私人微信被封号了咋解封")]
    [InlineData("我的个人微信换手机以后怎么把聊天记录搬过去")]
    [InlineData("个人微信支付怎么绑银行卡")]
    [InlineData("微信公众号要怎么申请")]
    public void AQuestionAboutOnesOwnWeChat_IsOutOfScope(string question)
    {
        var answer = retriever.Answer(question);

        Assert.Equal(AnswerKind.OutOfScope, answer.Kind);
        Assert.Empty(answer.Suggestions);
    }

    [Fact]
    public void TheQuestionOfPersonalWeChatBesideWeCom_IsStillAnswered()
    {
        var answer = retriever.Answer("个人微信和企业微信的数据是隔开的吗");

        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Equal("general-personal-vs-wecom", answer.EntryId);
    }

    [Fact]
    public void AStoryNamingWeComBeforeItsQuestion_IsNotDeclined()
    {
        // The story is reduced to its last clause, which names only the personal account; the whole question names WeCom.
        var understanding = retriever.Understand("我们上个月开始用企微了，我想问一下，我个人微信里的聊天记录领导那边能看到吗");

        Assert.NotEmpty(understanding.Result.Candidates);
        Assert.Equal("general-personal-vs-wecom", understanding.Result.Top!.Entry.Id);
    }
}
