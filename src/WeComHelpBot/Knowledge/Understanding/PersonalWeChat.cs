namespace WeComHelpBot.Knowledge.Understanding;

/// <summary>
/// A question about one's own WeChat account (个人微信怎么换绑手机号, 私人微信被封了) rather than WeCom: the knowledge base
/// speaks of personal WeChat only beside WeCom (their data are kept apart), so its words alone make such a question look
/// like the domain. A question naming WeCom as well (个人微信和企业微信的数据互通吗) is not one.
/// </summary>
public static class PersonalWeChat
{
    private static readonly string[] Personal = ["个人微信", "私人微信", "个人号", "自己的微信", "自己微信", "personal wechat"];

    private static readonly string[] WeCom = ["企业微信", "企微", "wecom", "企业号", "work wechat"];

    /// <summary>True when <paramref name="text"/> (simplified) names a personal WeChat account and not WeCom.</summary>
    public static bool IsAbout(string text) =>
        Personal.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)) && !WeCom.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
}
