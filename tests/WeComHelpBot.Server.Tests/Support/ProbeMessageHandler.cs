using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WeComHelpBot.Bot;
using WeComHelpBot.Dialogs.Choices;

namespace WeComHelpBot.Server.Tests.Support;

/// <summary>
/// A message handler the plumbing tests add in front of the real pipeline (unlisted in MessagePipeline, so it runs first): it offers choices (buttons on web chat),
/// answers a chosen button, and can hold a turn until the test releases it. Everything else goes on to the real bot.
/// </summary>
public sealed class ProbeMessageHandler : IMessageHandler
{
    public const string AskForChoices = "测试按钮";
    public const string SlowQuestion = "慢一点";
    public const string SlowAnswer = "久等了，这是慢回答。";
    public static readonly string[] Choices = ["个体户", "有限公司"];

    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int slowTurns;

    public int SlowTurns => Volatile.Read(ref slowTurns);

    public static string ChosenReply(string choice) => $"您选择了：{choice}";

    public void ReleaseSlowTurns() => release.TrySetResult();

    public async Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken = default)
    {
        var text = turnContext.Activity.Text;
        if (text == AskForChoices)
        {
            await turnContext.SendActivityAsync(ChoiceFactory.ForChannel(turnContext.Activity.ChannelId, Choices, "请选择主体类型："), cancellationToken);
            return true;
        }

        if (Choices.Contains(text))
        {
            await turnContext.SendActivityAsync(ChosenReply(text!), cancellationToken: cancellationToken);
            return true;
        }

        if (text == SlowQuestion)
        {
            Interlocked.Increment(ref slowTurns);
            await release.Task.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
            await turnContext.SendActivityAsync(SlowAnswer, cancellationToken: cancellationToken);
            return true;
        }

        return false;
    }
}
