using System.Text.Json;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Tests.Recognition;

public sealed class InterruptionRecognizerResumeTests
{
    [Theory]
    [InlineData("继续", true)]
    [InlineData("继续吧", true)]
    [InlineData("我回来了", true)]
    [InlineData("接着上次的", true)]
    [InlineData("？", false)]
    [InlineData("转人工", false)]
    [InlineData("先到这里", false)]
    [InlineData("继续认证要多久", false)]
    [InlineData("", false)]
    public void IsResume_ReadsOnlyTheResumeCommand(string text, bool expected) =>
        Assert.Equal(expected, InterruptionRecognizer.IsResume(text));

    [Fact]
    public void IsResume_AgreesWithRecognize_OnEveryEvalQuestionAndCommand()
    {
        var questions = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Knowledge"), "*.jsonl")
            .SelectMany(File.ReadLines)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("question").GetString()!);
        string[] commands =
        [
            "继续", "继续吧", "好，继续", "那继续吧", "我回来了！", "回来了", "接着来", "接着刚才的", "继续刚才的", "继续上次的",
            "取消", "帮助", "先到这里", "晚点再弄", "上一步", "转人工", "找个人帮我", "刚才选错了，其实是个体户", "重新开始",
        ];

        foreach (var text in questions.Concat(commands))
        {
            Assert.True(
                InterruptionRecognizer.IsResume(text) == (InterruptionRecognizer.Recognize(text) == Interruption.Resume),
                text);
        }
    }
}
