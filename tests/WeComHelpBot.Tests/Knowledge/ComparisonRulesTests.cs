using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Decision;
using WeComHelpBot.Knowledge.Understanding;

namespace WeComHelpBot.Tests.Knowledge;

/// <summary>
/// How a comparison is read against the shipped knowledge base: which joiners split it, where a side's topic ends, and
/// when an overview answers both sides instead of showing them side by side.
/// </summary>
public sealed class ComparisonRulesTests
{
    private readonly KnowledgeRetriever retriever = ShippedKnowledge.Retriever;

    [Fact]
    public void Versus_BetweenChineseWords_JoinsTheSides()
    {
        // members-import-methods sets the manual input and the template import side by side, with each one's limit.
        var understanding = retriever.Understand("手动添加 vs Excel导入 一次各能加多少人");

        Assert.Equal(QuestionType.Comparison, understanding.Type);
        Assert.Equal("members-import-methods", Assert.Single(understanding.Shown).Id);
    }

    [Theory]
    [InlineData("对公打款跟微信认证，我们该选哪个")]
    [InlineData("法人扫脸和微信认证各适合什么情况")]
    public void ASideThatFindsOnlyItsFamilysOverview_MeetsTheOtherSideInTheOverviewThatNamesBoth(string question)
    {
        // 微信认证 alone leads to the certification types, which do not list the face scan or the bank transfer; the
        // verification methods' overview lists both and names 微信认证.
        var understanding = retriever.Understand(question);

        Assert.Equal("verify-methods", Assert.Single(understanding.Shown).Id);
    }

    [Fact]
    public void TwoKindsOfAdmin_GoSideBySide_NotOneSideAlone()
    {
        // Both 管理员 sides first lead to the department admin's entry, which holds 部门管理员 whole and 普通管理员 only as an
        // admin: 普通管理员 takes the entry it finds next, and the two go side by side. Before, the department admins' entry
        // alone answered (one side of two, which the plain model answered with 0.88).
        var understanding = retriever.Understand("部门管理员和普通管理员权限有什么不一样");
        var oneSide = understanding.Features.Entry[((IList<string>)DecisionFeatures.EntryNames).IndexOf("comparison_one_side")];

        Assert.Equal(["members-dept-admin", "stage-admin-setup"], understanding.Shown.Select(e => e.Id).Order());
        Assert.Equal(0, oneSide);
        Assert.Equal(QuestionType.Comparison, understanding.Type);
    }

    [Theory]
    // A comparing overview that lists both sides among its related entries answers them.
    [InlineData("模板导入和API接口导入怎么选", "members-import-methods")]
    // 快 asks how long: verify-duration names 打款 and 法人 in passing, but the failures' overview is about both failures
    // and holds them better than the aspect's entry.
    [InlineData("打款超时跟法人校验失败哪个处理起来更快", "failure-overview")]
    // One way out after another is a comparison of the two: the verification methods' overview sets the face scan, the
    // bank transfer and WeChat certification side by side.
    [InlineData("刷脸不行的话对公打款呢", "verify-methods")]
    [InlineData("对公打款搞不定的话还能走人脸识别吗", "verify-methods")]
    [InlineData("没法做人脸识别，换微信认证可以吗", "verify-methods")]
    // vs alone asks to compare, without 哪个 or 区别.
    [InlineData("Excel导入 vs API接口", "members-import-methods")]
    [InlineData("先建组织架构还是先装应用", "setup-order")] // 先建 / 先装 open both sides: the order is what is asked
    [InlineData("手动添加 vs Excel导入", "members-import-methods")]
    // Two statements, then which of them: the statements are the sides, and 快 asks how long each takes.
    [InlineData("微信认证要三天左右，人脸识别当场就好，哪个快", "verify-duration")]
    // In English: each side is looked up in English, and the overview that lists both (or is one of them) answers.
    [InlineData("What is the difference between WeChat certification and the verification-free mode?", "cert-types")]
    [InlineData("Compare the face scan with the bank transfer", "verify-methods")]
    public void ReadAsAComparison_AndAnsweredByTheOverviewOfBoth(string question, string entryId)
    {
        var understanding = retriever.Understand(question);

        Assert.Equal(QuestionType.Comparison, understanding.Type);
        Assert.Equal(entryId, Assert.Single(understanding.Shown).Id);
    }

    [Theory]
    // 管理员 is the admin aspect's word, but here it is what both sides are: the two admins go side by side, not the one
    // entry titled with 管理员.
    [InlineData("部门管理员跟主管理员的权限有啥区别", "members-dept-admin", "stage-admin-setup")]
    // 人数上限 is said of 企业 only, and asked of 个体户 too; 个体户 alone would find the entity types' overview.
    [InlineData("企业的人数上限跟个体户比谁多", "limit-members-company", "limit-members-sole-proprietor")]
    // entity-overview tells the entity types apart in general; the question asks about each one's materials.
    [InlineData("公司注册的材料和个体户的材料区别在哪", "materials-company", "materials-sole-proprietor")]
    // 比一下 asks to compare, as 比一比 does.
    [InlineData("政府单位和公司的人数上限比一下", "limit-members-company", "limit-members-government")]
    // 加员工 and 内部员工 are how people say adding members (members-import-methods' tags hold 加成员 and 内部成员).
    [InlineData("加内部员工和加外部客户差在哪", "members-external-contact", "members-import-methods")]
    [InlineData("内部员工和外部客户加的方法一样吗", "members-external-contact", "members-import-methods")]
    // 成员上限 is said of the second side only and asked of the first too; 公司 or 事业单位 alone would find another entry.
    [InlineData("公司和个体户成员上限哪个高", "limit-members-company", "limit-members-sole-proprietor")]
    [InlineData("事业单位和公司成员上限哪个高", "limit-members-company", "limit-members-government")]
    // 注册材料 is said of 公司 without a 的; 个体户比 leaves it out.
    [InlineData("公司注册材料跟个体户比多了啥", "materials-company", "materials-sole-proprietor")]
    // 管理员 inside both sides is what they are, not the admin aspect asked of them; the department admins' entry holds
    // 部门管理员 whole and 总管理员 only as an admin, so 总管理员 takes the entry it finds next.
    [InlineData("部门管理员跟总管理员的权限差别在哪", "members-dept-admin", "stage-admin-setup")]
    // How two things relate (有没有关系): each is answered, not the one whose entry names the other in passing.
    [InlineData("域名备案跟对外展示的企业主页有没有关系", "security-domain-filing", "setup-external-display")]
    public void ReadAsAComparison_AndAnsweredWithBothSides(string question, string first, string second)
    {
        var understanding = retriever.Understand(question);

        Assert.Equal(QuestionType.Comparison, understanding.Type);
        Assert.Equal([first, second], understanding.Shown.Select(e => e.Id).Order());
    }

    [Theory]
    [InlineData("公司注册的材料和个体户的材料区别在哪")]
    [InlineData("企业的人数上限跟个体户比谁多")]
    public void TwoSidesSideBySide_AreAsSureAsTheWeakerSideInItsOwnQuestion(string question)
    {
        // Each side's entry answers half of the question, so its confidence in the whole question is low however surely
        // the side found it; the answer is as sure as the weaker side in its own question (公司注册的材料 → the company's
        // materials), which is what the decision weighs.
        var understanding = retriever.Understand(question);
        var confidence = understanding.Features.Entry[((IList<string>)DecisionFeatures.EntryNames).IndexOf("confidence")];
        var inWholeQuestion = understanding.Shown.Select(e => understanding.Result.Candidates.Single(c => c.Entry.Id == e.Id).Confidence).Min();

        Assert.Equal(2, understanding.Shown.Count);
        Assert.True(confidence > inWholeQuestion, $"{confidence} against {inWholeQuestion} in the whole question");
    }

    [Theory]
    [InlineData("对公打款不通过的话要找谁", "failure-bank-transfer-timeout")]
    [InlineData("扫脸不行的话怎么办", "verify-face")]
    public void WhatToDoWhenOneWayFails_NamesNoSecondWay(string question, string entryId)
    {
        var understanding = retriever.Understand(question);

        Assert.NotEqual(QuestionType.Comparison, understanding.Type);
        Assert.Equal(entryId, Assert.Single(understanding.Shown).Id);
    }

    [Fact]
    public void NonComparingOverview_AboutSomethingElse_IsNotTheAnswer()
    {
        // entity-features (不同主体能用哪些功能) names both entity types but is about their features, not their materials.
        var understanding = retriever.Understand("公司和个体户的材料有啥区别");

        Assert.Equal(QuestionType.Comparison, understanding.Type);
        Assert.DoesNotContain(understanding.Shown, e => e.Id == "entity-features");
        Assert.All(understanding.Shown, e => Assert.Contains(e.Id, new[] { "entity-overview", "materials-company", "materials-sole-proprietor" }));
    }

    [Theory]
    [InlineData("公司最多能加多少人", "公司", "最多能加多少人")]
    [InlineData("个体户最多几个人", "个体户", "最多几个人")]
    public void Most_EndsTheSidesTopic(string side, string topic, string asked) =>
        Assert.Equal((topic, asked), ComparisonDetector.Topic(side));

    [Fact]
    public void AspectOpeningASide_IsStrippedFromItsTopic()
    {
        // 先 opens both sides (先搭组织架构 / 先接应用): what is asked is the order, answered by setup-order.
        var understanding = retriever.Understand("先搭组织架构还是先接应用");

        Assert.Equal(QuestionType.Comparison, understanding.Type);
        Assert.Equal("setup-order", Assert.Single(understanding.Shown).Id);
    }
}
