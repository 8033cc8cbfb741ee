namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>What prompts say when an answer does not fit (zh-CN).</summary>
public static class PromptTexts
{
    public const string TextRetry = "这一步需要您打字回复一句话。";
    public const string ChoiceRetry = "没对上选项。回复序号（比如“1”）或者选项的名字就行。";
    public const string ConfirmRetry = "没看出是“是”还是“不是”。回复“是”或“不是”就行，也可以回复 1 或 2。";
    public const string NumberRetry = "没找到数字。回复一个数，比如“120”或者“大概三百人”。";
    public const string PhoneRetry = "这不像一个手机号。请回复 11 位手机号，比如 138 1234 5678。";
    public const string DateTimeRetry = "没看出是哪天。可以说“上周五”“3天前”“11月20号”或者“两个工作日了”。";
    public const string GaveUp = "这一步试了几次还没对上，我先结束这个流程。想再来一次，重新说出您的需要就行；也可以说“转人工”联系客服。";

    public static string TookDefault(string value) => $"这一步试了几次还没对上，先按“{value}”继续。";
}
