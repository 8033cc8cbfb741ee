using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Knowledge;

/// <summary>A short follow-up read as the previous question asked again with the follow-up in it.</summary>
public sealed class FollowUpRestatementTests
{
    private readonly KnowledgeRetriever retriever = ShippedKnowledge.Retriever;

    [Theory]
    [InlineData("个体户最多加多少人", "limit-members-sole-proprietor", "那公司呢", "limit-members-company")] // 公司最多加多少人
    [InlineData("个体户最多加多少人", "limit-members-sole-proprietor", "那企业呢", "limit-members-company")] // 企业最多加多少人
    [InlineData("个体户注册要什么材料", "materials-sole-proprietor", "那公司呢", "materials-company")] // 公司注册要什么材料
    [InlineData("手动添加成员一次能加几个", "members-manual-input", "模板呢", "members-template-import")] // 模板 in the place of 手动添加
    [InlineData("人脸识别验证怎么做", "verify-face", "要多久", "verify-face")] // 人脸识别 + 要多久: 即时完成
    [InlineData("对公打款验证怎么做", "verify-bank-transfer", "要多久", "verify-bank-transfer")] // 对公打款 + 要多久: 1–2 个工作日
    [InlineData("注册企业微信分哪几步", "stages-overview", "第二步具体怎么弄", "verify-methods")] // the 2nd item of the numbered list
    [InlineData("注册企业微信分哪几步", "stages-overview", "第三步要注意啥", "stage-admin-setup")]
    [InlineData("注册完先配置什么", "setup-order", "第一步怎么搭", "setup-org-structure")]
    [InlineData("注册企业微信分哪几步", "stages-overview", "管理员那步要注意啥", "stage-admin-setup")] // the item that holds 管理员
    [InlineData("注册完先配置什么", "setup-order", "安全那一步怎么弄", "setup-security")]
    [InlineData("注册完先配置什么", "setup-order", "安全那块呢", "setup-security")]
    [InlineData("注册完先配置什么", "setup-order", "最后一步呢", "setup-external-display")] // the last item, however many there are
    [InlineData("注册企业微信分哪几步", "stages-overview", "最后一步怎么导人", "members-import-methods")]
    [InlineData("免认证有什么限制", "cert-free-mode", "那要年审吗", "cert-annual-review")] // 免认证要年审吗, without the 那
    [InlineData("免认证模式要钱吗", "cert-free-mode", "能收款吗", "cert-payment-feature")] // 免认证能收款吗: what it takes to collect payments
    [InlineData("创建企业要填哪些信息", "stage-create-company", "然后呢", "verify-methods")] // 创建企业 → 主体验证
    [InlineData("主体验证有哪几种方式", "verify-methods", "验证过了接下来干嘛", "stage-admin-setup")] // 主体验证 → 管理员设置
    [InlineData("组织架构怎么建", "setup-org-structure", "弄好了下一步做什么", "setup-apps")] // 组织架构 → 应用接入
    [InlineData("注册完先配置什么", "setup-order", "应用接入之后呢", "setup-security")] // the step the message names, then the next
    [InlineData("应用怎么接入", "setup-apps", "接着配啥", "setup-security")] // 接着 asks for the next step too
    // 第N步 after the answer about one registration stage, which lists no steps itself: the Nth stage.
    [InlineData("注册的第一步创建企业都填什么", "stage-create-company", "那第二步呢", "verify-methods")]
    [InlineData("主体验证有哪些办法", "verify-methods", "第三步呢", "stage-admin-setup")]
    // The admin stage's answer lists the two things it does, no steps: 第四步 / 最后一步 are still registration stages.
    [InlineData("管理员这一步要干什么", "stage-admin-setup", "那第四步呢", "members-import-methods")]
    [InlineData("管理员这一步要干什么", "stage-admin-setup", "最后一步是啥", "members-import-methods")]
    // The security settings are a step of setting up, not its last; their answer lists the settings, yet 最后一项 is the
    // setup's last step.
    [InlineData("安全方面要设置哪些东西", "setup-security", "最后一项是什么", "setup-external-display")]
    // Asking what each topic's own entry states, of a topic the previous entry speaks of too (功能 of a hospital after the
    // features by kind of organisation): that entry answers, not the hospital's materials.
    [InlineData("个体户能用哪些功能", "entity-features", "医院能用啥", "entity-features")]
    // Saying the last answer did not settle it continues that answer, even in words of one character the entries use (做).
    [InlineData("法人信息校验失败怎么办", "failure-legal-info-check", "按说的做了还是不行", "failure-legal-info-check")]
    // An aspect asked in words the knowledge base does not hold (贵不贵) continues the topic; it is no unknown subject.
    [InlineData("微信认证要多久", "verify-wechat-cert", "贵不贵", "verify-wechat-cert")]
    // A message that cannot tell on its own whose limit it asks (the company's, the institution's, one batch's) is the
    // previous topic's.
    [InlineData("手动加成员怎么弄", "members-manual-input", "一次上限多少", "members-manual-input")]
    [InlineData("医院注册企业微信要什么材料", "materials-government", "成员上限是多少", "limit-members-government")]
    // Asking what to do without a thing: the thing's own entry, not the previous question asked of it.
    [InlineData("注册要准备什么东西", "prep-materials-overview", "没营业执照呢", "prep-business-license")]
    [InlineData("对公打款验证需要准备什么", "verify-bank-transfer", "没有对公账户的话呢", "prep-bank-account")]
    // Asking for more people after a way to add members that allows fewer: the way that allows that many.
    [InlineData("用表格导入一回最多多少人", "members-template-import", "还要再多的话呢", "members-api-import")] // the next way
    [InlineData("手动添加成员一次能加几个", "members-manual-input", "人再多些呢", "members-template-import")]
    [InlineData("手动添加成员一次能加几个", "members-manual-input", "我们有五千人呢", "members-api-import")] // 5000 > 1000: past the template
    [InlineData("手动添加成员一次能加几个", "members-manual-input", "超过一千人呢", "members-api-import")]
    // An aspect one entry answers for every topic is asked afresh, and takes no topic's place in the previous question.
    [InlineData("个体户注册要什么材料", "materials-sole-proprietor", "在哪注册", "entity-register-entry")] // not 个体户注册材料在哪注册
    [InlineData("事业单位注册入口在哪", "entity-register-entry", "管理员谁来当", "entity-admin-requirements")]
    [InlineData("公司在哪注册企业微信", "entity-register-entry", "个体户也是那里吗", "entity-register-entry")] // 个体户 in 公司's place, not 入口's
    public void FollowUp_IsReadInThePreviousAnswersContext(string previous, string previousEntryId, string message, string entryId)
    {
        Assert.Equal(previousEntryId, retriever.Understand(previous).Result.Top?.Entry.Id);

        var understanding = retriever.Understand(message, new FollowUpContext(previous, previousEntryId));

        Assert.True(understanding.FollowUp);
        Assert.Equal(entryId, understanding.Result.Top?.Entry.Id);
    }

    [Theory]
    [InlineData("企业微信在哪个入口注册", "entity-register-entry", "那个体户也一样吗", "entity-register-entry")] // the entry's list names 个体工商户
    [InlineData("谁有资格当管理员", "entity-admin-requirements", "事业单位也是这样吗", "entity-admin-requirements")]
    [InlineData("企业最多能有多少成员", "limit-members-company", "个体户也一样吗", "limit-members-sole-proprietor")]
    public void AsksWhetherTheAnswerHoldsForAnotherTopic_ThePreviousQuestionIsAskedOfIt(string previous, string previousEntryId, string message, string entryId)
    {
        // 也一样吗 is no 还是一样 (the trouble goes on): it puts the topic before the previous question, which may name none.
        Assert.Equal(previousEntryId, retriever.Understand(previous).Result.Top?.Entry.Id);

        var context = new FollowUpContext(previous, previousEntryId);
        var understanding = retriever.Understand(message, context);

        Assert.True(understanding.FollowUp);
        Assert.Equal(entryId, understanding.Result.Top?.Entry.Id);
        var answer = retriever.Answer(message, context);
        Assert.True(answer.Answered && answer.EntryId == entryId, $"{message} → {answer.Kind} {answer.EntryId} ({answer.Score})");
    }

    [Theory]
    [InlineData("对公打款验证超时怎么办", "failure-bank-transfer-timeout")] // a list of what to do about one failure: no sequence of topics
    [InlineData("企业主页和对外名片怎么配置", "setup-external-display")] // the last step of the setup order
    public void NextStep_AfterNoStepOrTheLastOne_StaysOnTheTopic(string previous, string previousEntryId)
    {
        var understanding = retriever.Understand("然后呢", new FollowUpContext(previous, previousEntryId));

        Assert.Equal(previousEntryId, understanding.Result.Top?.Entry.Id);
    }

    [Fact]
    public void AQuestionOfItsOwn_AboutAnEntryThePreviousAnswerPointedTo_IsReadOnItsOwn()
    {
        // setup-order lists the security settings as a step; 安全设置都包括啥 asks about them, not about the order again.
        var understanding = retriever.Understand("安全设置都包括啥", new FollowUpContext("注册完先配置什么", "setup-order"));

        Assert.False(understanding.FollowUp);
        Assert.Equal("setup-security", understanding.Result.Top?.Entry.Id);
    }

    [Theory]
    [InlineData("会话存档在哪开")] // a topic and a question of its own
    [InlineData("设备锁屏怎么设置")]
    public void AQuestionOfItsOwn_AfterAnAnswer_IsNotRestated(string message)
    {
        var understanding = retriever.Understand(message, new FollowUpContext("个体户最多加多少人", "limit-members-sole-proprietor"));

        Assert.DoesNotContain("limit-members", understanding.Result.Top?.Entry.Id, StringComparison.Ordinal);
    }
}
