using Microsoft.Bot.Schema;

namespace WeComHelpBot.Dialogs;

/// <summary>A dialog made of steps run in order; each step may prompt, begin a child, skip ahead or end.</summary>
public sealed class WaterfallDialog : Dialog
{
    private readonly List<WaterfallStep> steps;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId)
    {
        this.steps = steps?.ToList() ?? [];
    }

    public WaterfallDialog AddStep(WaterfallStep step)
    {
        steps.Add(step);
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, DialogOptions? options = null, CancellationToken cancellationToken = default)
    {
        var instance = dc.ActiveDialog!;
        instance.Options = new Dictionary<string, string>(options?.Values ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        instance.StepIndex = 0;
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return Task.FromResult(EndOfTurn);
        }

        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        var instance = dc.ActiveDialog!;
        return RunStepAsync(dc, instance.StepIndex + 1, reason, result, cancellationToken);
    }

    private Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= steps.Count)
        {
            return dc.EndDialogAsync(result, cancellationToken);
        }

        var instance = dc.ActiveDialog!;
        instance.StepIndex = index;
        return steps[index](new WaterfallStepContext(this, dc, instance, index, reason, result), cancellationToken);
    }
}
