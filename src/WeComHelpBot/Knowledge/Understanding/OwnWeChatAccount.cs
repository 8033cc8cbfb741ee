namespace WeComHelpBot.Knowledge.Understanding;

/// <summary>
/// A question about a WeChat account of one's own rather than WeCom: a personal account (个人微信怎么换绑手机号, 私人微信被封了)
/// or an Official Account (微信公众号怎么注册). The knowledge base names both only beside WeCom (their data are kept apart;
/// WeCom can be registered through the Official Account), so its words alone make such a question look like the domain.
/// A question naming WeCom as well (个人微信和企业微信的数据互通吗) is not one, nor one that sets a personal account beside
/// the work or someone there (我个人微信的聊天公司能看到吗, 员工拿自己微信聊工作, 私人微信老板能瞅见不): that is how the two are kept apart, which the guide covers.
/// </summary>
public static class OwnWeChatAccount
{
    private static readonly string[] Personal = ["个人微信", "私人微信", "个人号", "自己的微信", "自己微信", "personal wechat"];

    private static readonly string[] Official = ["微信公众号", "订阅号", "公众号文章", "公众号推文", "公众号怎么注册", "公众号咋注册", "公众号如何注册", "公众号怎么申请", "公众号咋申请", "公众号如何申请"];

    private static readonly string[] WeCom = ["企业微信", "企微", "wecom", "企业号", "work wechat"];

    // The work, or someone at work who might see the personal account (老板能瞅见不, 会不会被厂里看到, 企业那边能看到吗).
    private static readonly string[] Work = ["公司", "工作", "单位", "同事", "员工", "离职", "老板", "领导", "厂", "企业", "监控", "偷看", "泄露", "瞅"];

    /// <summary>True when <paramref name="text"/> (the whole question, simplified) names a WeChat account of one's own and not WeCom.</summary>
    public static bool IsAbout(string text) =>
        !Names(text, WeCom) && (Names(text, Official) || (Names(text, Personal) && !Names(text, Work)));

    private static bool Names(string text, string[] words) => words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
}
