namespace WeComHelpBot.Knowledge;

/// <summary>Every sentence the knowledge part of the bot says, in one place (zh-CN). Answers themselves live in knowledge/.</summary>
public static class KnowledgeTexts
{
    public const string FollowUpPrompt = "您可能还想了解：";

    public const string ComparisonIntro = "这两个分开说：";

    // The bot answers in the language asked: these are the English counterparts of the sentences around an answer.
    public const string EnglishComparisonIntro = "Here are both, one after the other:";

    public const string EnglishFollowUpPrompt = "You may also want to know:";

    public const string EnglishClarifyPrompt = "Which of these do you mean? If none, ask again in other words:";

    public const string EnglishOutOfScope =
        "Sorry, that is outside what I can answer: I only know about registering and setting up WeCom (企业微信) for an organisation. " +
        "Ask me about the materials to prepare, the verification methods, WeChat certification and its fee, member limits, " +
        "importing members, security settings, or common registration failures. Say \"转人工\" to reach a person.";

    public static string EnglishFreshnessNote(DateOnly reviewed) =>
        $"(Official rules prevail; this answer was last checked on {reviewed:yyyy-MM-dd}.)";

    public const string ClarifyPrompt = "您是想问下面哪一个？都不是的话，换个说法再问我：";

    public const string OutOfScope =
        "抱歉，这个问题不在我能回答的范围里——我只了解企业微信（企业版）的注册和开通，个人微信、其他软件和生活类问题我答不了。\n" +
        "我可以帮您：\n" +
        "· 注册前要准备哪些材料（企业、个体户、政府/事业单位）\n" +
        "· 注册的四个步骤，三种验证方式怎么选\n" +
        "· 微信认证的费用、年审，以及不认证有什么限制\n" +
        "· 不同主体的注册入口、管理员要求和功能差别\n" +
        "· 怎么导入成员、每次最多导多少人、成员上限\n" +
        "· 注册后先配置什么，会话存档等安全设置在哪开\n" +
        "· 法人信息校验失败、对公打款验证超时、成员手机号重复等问题怎么处理\n" +
        "换个说法问我试试，或者说“转人工”联系客服。";

    public static string PickOutOfRange(int count) =>
        $"没有这个序号。请回复 1 到 {count} 之间的数字，或者直接输入新的问题。";

    public static string FreshnessNote(DateOnly reviewed) =>
        $"（以官方最新规定为准，本条核对于 {reviewed:yyyy-MM-dd}）";

    /// <summary>What `wecomhelp ask` prints for a clarify result: the prompt and the numbered titles.</summary>
    public static string ClarifyText(IEnumerable<string> titles) =>
        ClarifyPrompt + "\n" + string.Join("\n", titles.Select((t, i) => $"({i + 1}) {t}"));
}
