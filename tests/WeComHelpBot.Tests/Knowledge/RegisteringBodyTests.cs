using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Understanding;

namespace WeComHelpBot.Tests.Knowledge;

/// <summary>
/// 公司能拉多少人进来 was answered with the sole proprietor's limit (its example 我是个体 能拉多少人进来 reads closer than
/// anything the company's entry says), and "a restaurant company" got the sole proprietor's materials: an entry about one
/// registering body answered a question that names another.
/// </summary>
public sealed class RegisteringBodyTests
{
    private readonly KnowledgeRetriever retriever = ShippedKnowledge.Retriever;

    [Theory]
    [InlineData("公司能拉多少人进来", "企业")]
    [InlineData("我们厂有两百人", "企业")]
    [InlineData("个体工商户要什么材料", "个体工商户")]
    [InlineData("事业单位成员上限", "事业单位")]
    [InlineData("企业微信怎么注册", null)] // the product, not a company
    [InlineData("个体工商户和公司有啥区别", null)] // two bodies: a comparison, not one body
    [InlineData("注册要多久", null)]
    public void NamedIn_TheOneBodyACanonicalQuestionNames(string text, string? body) => Assert.Equal(body, RegisteringBody.NamedIn(text));

    [Theory]
    [InlineData("How many users can a company have at start?", "企业")]
    [InlineData("What does a sole proprietorship need?", "个体工商户")]
    [InlineData("Our public hospital wants WeCom", "事业单位")]
    [InlineData("Our language school is a registered company", null)]
    [InlineData("How long does verification take?", null)]
    [InlineData("My shop is a sole proprietorship, how many staff can Enterprise WeChat hold?", "个体工商户")] // the product names no company
    public void NamedInEnglish_TheOneBodyAnEnglishQuestionNames(string text, string? body) => Assert.Equal(body, RegisteringBody.NamedInEnglish(text));

    [Theory]
    [InlineData(new[] { "成员上限", "人数", "企业", "200" }, "企业")]
    [InlineData(new[] { "企业", "公司", "材料" }, "企业")]
    [InlineData(new[] { "主体类型", "个体工商户", "事业单位" }, null)] // the comparison of the bodies
    [InlineData(new[] { "管理规范", "中大型企业" }, null)] // a word that holds 企业 is no body's tag
    public void Of_TheOneBodyAnEntrysTagsName(string[] tags, string? body) => Assert.Equal(body, RegisteringBody.Of(tags));

    [Theory]
    [InlineData("公司能拉多少人进来啊")]
    [InlineData("我们公司人多，最多能拉多少人进来")]
    public void AQuestionNamingACompany_IsNotAnsweredWithTheSoleProprietorsLimit(string question)
    {
        var answer = retriever.Answer(question);

        Assert.NotEqual("limit-members-sole-proprietor", answer.EntryId);
        Assert.Equal("limit-members-company", answer.Suggestions[0].EntryId);
    }

    [Fact]
    public void AnEnglishQuestionNamingACompany_IsNotAnsweredWithTheSoleProprietorsMaterials()
    {
        var answer = retriever.Answer("I run a restaurant company in Hangzhou — what materials does a company need to register?");

        Assert.NotEqual("materials-sole-proprietor", answer.EntryId);
        Assert.Equal("materials-company", answer.Suggestions[0].EntryId);
    }

    [Fact]
    public void AComparisonOfTwoBodies_StillFindsBothSides()
    {
        var answer = retriever.Answer("个体户和公司成员上限有啥不一样");

        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Equal(["limit-members-company", "limit-members-sole-proprietor"], answer.EntryIds.Order());
    }

    [Theory]
    [InlineData("政府单位和企业成员上限哪个多", "limit-members-company", "limit-members-government")]
    [InlineData("企业和个体户能加的成员数哪个多", "limit-members-company", "limit-members-sole-proprietor")]
    public void AComparisonSideNamingACompany_IsTheCompanysEntry(string question, string first, string second)
    {
        // 企业 is said in the sole proprietor's answer too (对比：企业类型初始 200 个), and in every 企业微信.
        var answer = retriever.Answer(question);

        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Equal([first, second], answer.EntryIds.Order());
    }

    // The materials' overview is for every body and points to each body's own entry: a question that names a body, found
    // as the overview's, gets that body's entry; one that names none keeps the overview.
    [Theory]
    // The overview's English phrasings name no body (one said "the company"), so a company's question finds its own entry.
    [InlineData("Our firm is a limited company in Suzhou. What documents do we need to register WeCom?", "materials-company")]
    [InlineData("公司注册要准备哪些材料", "materials-company")]
    [InlineData("What documents does a company need to register WeCom?", "materials-company")]
    [InlineData("注册要准备哪些材料", "prep-materials-overview")]
    public void AQuestionForEveryBody_NamingOne_GetsThatBodysEntry(string question, string entryId)
    {
        var answer = retriever.Answer(question);

        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Equal(entryId, answer.EntryId);
    }
}
