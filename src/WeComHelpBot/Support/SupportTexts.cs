namespace WeComHelpBot.Support;

/// <summary>Every sentence the support part of the bot says (zh-CN): feedback, hand-over offers, rating, small talk, member files.</summary>
public static class SupportTexts
{
    public const string Helpful = "有帮助";
    public const string NotHelpful = "没帮助";
    public const string StepByStep = "一步一步带我做";
    public const string Irrelevant = "不相关";
    public const string RelatedButUnsolved = "相关但没解决";
    public const string Yes = "是";
    public const string No = "不用";
    public const string Handover = "转人工";

    public const string FeedbackQuestion = "有帮助吗？回复“有帮助”或“没帮助”。";

    public const string FlowOffer = "想让我一步一步带您做，回复“带我做”。";

    public const string ThanksForFeedback = "谢谢反馈！还有别的问题随时问我。";

    public const string AskNotHelpfulReason = "抱歉没帮上忙。是哪种情况？回复“不相关”或“相关但没解决”；不想选也可以直接换个说法再问我。";

    public const string NextSuggestions = "谢谢，记下了。看看是不是下面这些：";

    public const string OrHandover = "都不是的话，回复“转人工”帮您开个工单，客服会联系您。";

    public const string OfferTicketAfterNotHelpful = "谢谢，记下了。要不要转人工客服，帮您开个工单？回复“是”或“不用”。";

    public const string OfferTicketAfterLowConfidence = "连着两个问题都没能直接答上，要不要转人工客服，帮您开个工单？回复“是”或“不用”。";

    public const string TicketDeclined = "好的。换个说法问我试试，想找客服时随时说“转人工”。";

    public const string DefaultTicketCategory = "人工咨询";

    public const string TicketNotCreated = "工单没有建成：没有拿到能联系到您的手机号。客服工作时间 9:00–18:00，可在企业微信管理后台「我的客服」联系人工客服。";

    public const string RatingQuestion = "这次服务您满意吗？回复 1–5 分（5 分最满意），说“非常满意”“还行”也可以；不想评价回复“不用”。";

    public const string RatingOutOfRange = "评分是 1 到 5 分，回复一个 1–5 的数字就行，比如“5”或“4分”；不想评价回复“不用”。";

    public const string AskRatingReason = "谢谢您的评分。哪里让您不满意？直接打字告诉我（可以不说，回复“跳过”）。";

    public const string ThanksForReason = "谢谢您的意见，我们会改进。还有问题随时问我。";

    public const string RatingDeclined = "好的，不打扰了。有问题随时再来找我。";

    public const string Greeting = "您好！我是企业微信注册助手。直接打字问注册的问题就行，比如“个体户最多能加几个人”；也可以让我一步一步带您办：";

    public const string AboutBot =
        "我是企业微信注册助手，一个自动回答问题的机器人，不是真人。企业微信注册、验证、认证、导入成员的问题可以直接问我，" +
        "比如“个体户最多能加几个人”；想找真人客服，回复“转人工”。";

    public const string EnglishAboutBot =
        "I am the WeCom registration assistant, an automated bot, not a person. Ask me about registering WeCom for your " +
        "organisation, e.g. \"How many members can a sole proprietor add?\"; to reach a person, reply \"转人工\".";

    public const string YoureWelcome = "不客气！还有问题随时问我。";

    public const string Goodbye = "不客气，祝注册顺利！有问题随时再来找我。";

    public const string MemberFileRemote =
        "这个文件我没法直接打开（我不会去下载链接里的文件）。请在电脑上用命令检查：wecomhelp members check 文件名.xlsx（.csv 也行）；" +
        "或者把表格里的“姓名、手机、部门”几列直接发给我看看。";

    public const string MemberFileLocalPath =
        "出于安全考虑，我不会打开文件路径或 file: 链接指向的文件，只读取直接发给我的文件。请把表格文件直接发过来，" +
        "或者在自己电脑上用命令检查：wecomhelp members check 文件名.xlsx。";

    public static string ThanksForRating(int rating) => rating >= 4
        ? $"谢谢您的 {rating} 分！有问题随时再来找我。"
        : $"收到您的 {rating} 分，谢谢。我们会继续改进。";
}
