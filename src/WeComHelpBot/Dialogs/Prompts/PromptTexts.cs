namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>What prompts say when an answer does not fit (zh-CN).</summary>
public static class PromptTexts
{
    public const string TextRetry = "这一步需要您打字回复一句话。";
    public const string ChoiceRetry = "没对上选项。回复选项的名字、序号，或者直接描述您的情况都行。";
    public const string NumberRetry = "没找到数字。回复一个数，比如“120”或者“大概三百人”。";
    public const string PhoneRetry = "这不像一个手机号。请回复 11 位手机号，比如 138 1234 5678。";
    public const string DateTimeRetry = "没看出是哪天。可以说“上周五”“3天前”“11月20号”或者“两个工作日了”。";
    public const string CompanyRetry = "没看出单位名称。回复营业执照上的全称就行，比如“福州闽江小吃店”。";
    public const string GaveUp = "这一步试了几次还没对上，我先结束这个流程。想再来一次，重新说出您的需要就行；也可以说“转人工”联系客服。";

    /// <summary>The confirm retry names the prompt's own labels, so a question offering 需要/不需要 never asks for 是/不是.</summary>
    public static string ConfirmRetry(string yes, string no) => $"没看出是“{yes}”还是“{no}”。回复“{yes}”或“{no}”就行。";

    /// <summary>"看情况" / "不确定" to a yes/no question: one short question naming the two readings.</summary>
    public static string ConfirmUnsure(string yes, string no) => $"拿不准也没关系，按现在的情况选一个：“{yes}”还是“{no}”？说“帮助”我解释一下为什么问这个。";

    /// <summary>A description that fits two options about equally.</summary>
    public static string WhichOfTwo(string first, string second) => $"您说的更接近“{first}”，还是“{second}”？";

    public static string TookDefault(string value) => $"这一步试了几次还没对上，先按“{value}”继续。";
}
