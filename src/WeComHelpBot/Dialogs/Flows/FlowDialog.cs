using System.Globalization;
using Microsoft.Bot.Builder;
using WeComHelpBot.Dialogs.Choices;
using WeComHelpBot.Dialogs.Prompts;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// Runs one <see cref="FlowDefinition"/> on the dialog stack. Steps run in order unless a goto or a chosen option
/// jumps; prompt steps begin their own prompt dialog (id "flow#step") and the answer comes back through resume;
/// call steps begin another flow and continue when it ends. Variables live in the instance's Values.
/// </summary>
public sealed class FlowDialog : Dialog
{
    private const int MaxStepsPerTurn = 500;

    private readonly FlowDefinition flow;
    private readonly IReadOnlyDictionary<string, IFlowValidator> validators;
    private readonly IReadOnlyDictionary<string, IFlowAction> actions;
    private readonly TimeProvider timeProvider;
    private readonly IReadOnlyList<IFlowObserver> observers;
    private readonly IFlowValueMasker? masker;

    public FlowDialog(
        FlowDefinition flow,
        IReadOnlyDictionary<string, IFlowValidator> validators,
        IReadOnlyDictionary<string, IFlowAction> actions,
        TimeProvider timeProvider,
        IReadOnlyList<IFlowObserver>? observers = null,
        IFlowValueMasker? masker = null)
        : base(flow.Id)
    {
        this.flow = flow;
        this.validators = validators;
        this.actions = actions;
        this.timeProvider = timeProvider;
        this.observers = observers ?? [];
        this.masker = masker;
    }

    public FlowDefinition Definition => flow;

    public static string PromptId(string flowId, string stepId) => $"{flowId}#{stepId}";

    /// <summary>The prompt dialogs of this flow's prompt steps, each with its step's validator.</summary>
    public IEnumerable<Dialog> CreatePromptDialogs()
    {
        foreach (var step in flow.Steps.Where(s => s.IsPrompt))
        {
            var id = PromptId(flow.Id, step.Id);
            var validator = step.Validator is null ? null : validators.GetValueOrDefault(step.Validator);
            yield return step.Kind switch
            {
                FlowStepKind.Text => new TextPrompt(id, Validate<string>(validator, v => v)),
                FlowStepKind.Choice => new ChoicePrompt(id, Validate<FoundChoice>(validator, c => c.Value)),
                FlowStepKind.Confirm => new ConfirmPrompt(id, Validate<bool>(validator, b => b ? "true" : "false")),
                FlowStepKind.Number => new NumberPrompt(id, Validate<decimal>(validator, FormatNumber)),
                FlowStepKind.Phone => new PhoneNumberPrompt(id, Validate<string>(validator, v => v)),
                _ => new DateTimePrompt(id, timeProvider, Validate<ElapsedTime>(validator, e => e.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            };
        }
    }

    /// <summary>The step the flow is at, for help texts and tests.</summary>
    public FlowStep? CurrentStep(DialogInstance instance) => flow.Steps.FirstOrDefault(s => s.Id == instance.StepId);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, DialogOptions? options = null, CancellationToken cancellationToken = default)
    {
        var instance = dc.ActiveDialog!;
        instance.Values = new Dictionary<string, string>(flow.Variables, StringComparer.Ordinal);
        foreach (var (name, value) in options?.Values ?? new Dictionary<string, string>())
        {
            instance.Values[name] = value;
        }

        instance.Options = new Dictionary<string, string>(options?.Values ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var observer in observers)
        {
            await observer.OnFlowStartedAsync(dc.Context, flow, instance.Values, cancellationToken);
        }

        await SendAsync(dc.Context, flow.Intro, instance.Values, cancellationToken);
        return await RunAsync(dc, 0, cancellationToken);
    }

    /// <summary>A flow always waits on a prompt; if a reply reaches it directly, ask the current step again.</summary>
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var instance = dc.ActiveDialog!;
        var index = flow.Steps.ToList().FindIndex(s => s.Id == instance.StepId);
        return await RunAsync(dc, Math.Max(index, 0), cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        var instance = dc.ActiveDialog!;
        var step = CurrentStep(instance);
        if (step is null)
        {
            return await FinishAsync(dc, cancellationToken);
        }

        if (step.IsPrompt)
        {
            Store(step, result, instance.Values);

            // The raw answer goes to the step's action for this call only; state keeps what Store kept (masked).
            if (step.Action is { } name && actions.GetValueOrDefault(name) is { } action)
            {
                await RunActionAsync(dc, step, action, instance.Values, AnswerText(result), cancellationToken);
            }
        }

        return await RunAsync(dc, NextIndex(step, instance.Values, result as FoundChoice), cancellationToken);
    }

    /// <summary>
    /// What the user answered in the flows on the stack (outermost first) as "flow-id.variable" → value, leaving out
    /// starting values nobody changed. Answers carried in from an interrupted flow keep their dotted names.
    /// </summary>
    public static Dictionary<string, string> CollectAnswers(DialogContext dc)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = dc.Stack.Count - 1; i >= 0; i--)
        {
            var instance = dc.Stack[i];
            if (dc.FindDialog(instance.Id) is not FlowDialog flowDialog)
            {
                continue;
            }

            foreach (var (name, value) in instance.Values)
            {
                if (string.IsNullOrWhiteSpace(value) || flowDialog.flow.Variables.GetValueOrDefault(name) == value)
                {
                    continue;
                }

                answers[name.Contains('.', StringComparison.Ordinal) ? name : $"{instance.Id}.{name}"] = value;
            }
        }

        return answers;
    }

    private async Task<DialogTurnResult> RunAsync(DialogContext dc, int index, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        var values = instance.Values;
        for (var guard = 0; index < flow.Steps.Count; guard++)
        {
            if (guard > MaxStepsPerTurn)
            {
                throw new InvalidOperationException($"Flow '{flow.Id}' ran {MaxStepsPerTurn} steps without waiting for the user; check its goto loops.");
            }

            var step = flow.Steps[index];
            instance.StepId = step.Id;
            if (step.When is not null && !step.When.Evaluate(values))
            {
                index++;
                continue;
            }

            switch (step.Kind)
            {
                case FlowStepKind.Message:
                    await SendAsync(dc.Context, step.Text, values, cancellationToken);
                    break;
                case FlowStepKind.Set:
                    foreach (var (name, template) in step.Set)
                    {
                        values[name] = FlowTemplate.Render(template, values);
                    }

                    break;
                case FlowStepKind.End:
                    await SendAsync(dc.Context, step.Text, values, cancellationToken);
                    return await CompleteAsync(dc, cancellationToken);
                case FlowStepKind.Call:
                    var arguments = step.With.ToDictionary(kv => kv.Key, kv => FlowTemplate.Render(kv.Value, values), StringComparer.Ordinal);
                    return await dc.BeginDialogAsync(step.Flow!, new DialogOptions { Values = arguments }, cancellationToken);
                case FlowStepKind.Action:
                    if (actions.GetValueOrDefault(step.Action!) is { } action)
                    {
                        await RunActionAsync(dc, step, action, values, null, cancellationToken);
                    }

                    break;
                default:
                    if (step.Validator is not null && !validators.ContainsKey(step.Validator))
                    {
                        break; // An optional step whose validator is not registered (the loader refuses the others).
                    }

                    return await dc.PromptAsync(PromptId(flow.Id, step.Id), BuildPromptOptions(step, values), cancellationToken);
            }

            index = NextIndex(step, values, null);
        }

        return await FinishAsync(dc, cancellationToken);
    }

    private async Task<DialogTurnResult> FinishAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var values = dc.ActiveDialog!.Values;
        await SendAsync(dc.Context, flow.Summary, values, cancellationToken);
        return await CompleteAsync(dc, cancellationToken);
    }

    private async Task<DialogTurnResult> CompleteAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var values = Snapshot(dc.ActiveDialog!.Values);
        var outermost = dc.Stack.Count == 1;
        foreach (var observer in observers)
        {
            await observer.OnFlowCompletedAsync(dc.Context, flow, values, outermost, cancellationToken);
        }

        return await dc.EndDialogAsync(values, cancellationToken);
    }

    private int NextIndex(FlowStep step, IReadOnlyDictionary<string, string> values, FoundChoice? chosen)
    {
        var target = chosen is not null && chosen.Index < step.Choices.Count ? step.Choices[chosen.Index].Goto : null;
        target ??= step.Goto.FirstOrDefault(g => g.When is null || g.When.Evaluate(values))?.Target;
        if (target is null)
        {
            return flow.Steps.ToList().FindIndex(s => s.Id == step.Id) + 1;
        }

        return target == FlowGoto.End ? flow.Steps.Count : flow.Steps.ToList().FindIndex(s => s.Id == target);
    }

    private PromptOptions BuildPromptOptions(FlowStep step, IReadOnlyDictionary<string, string> values)
    {
        var prompt = step.Prompt!.Render(values);
        List<Choice> choices = step.Kind switch
        {
            FlowStepKind.Choice => step.Choices.Select(c => new Choice(c.Value, c.Synonyms)).ToList(),
            FlowStepKind.Confirm when step.YesLabel is not null => [new Choice(step.YesLabel), new Choice(step.NoLabel!)],
            _ => [],
        };
        return new PromptOptions
        {
            Prompt = prompt,
            RetryPrompt = step.Retry is null ? null : $"{FlowTemplate.Render(step.Retry, values)}\n{prompt}",
            Help = step.Help is null ? FlowTexts.DefaultHelp(step.Kind) : FlowTemplate.Render(step.Help, values),
            Choices = choices,
            MaxAttempts = step.MaxAttempts ?? 3,
            DefaultValue = step.Default,
        };
    }

    private void Store(FlowStep step, object? result, Dictionary<string, string> values)
    {
        if (step.Var is not { } name)
        {
            return;
        }

        switch (result)
        {
            case FoundChoice choice:
                values[name] = choice.Value;
                break;
            case bool yes:
                values[name] = yes ? "true" : "false";
                break;
            case decimal number:
                values[name] = FormatNumber(number);
                break;
            case ElapsedTime elapsed:
                values[name] = elapsed.WorkingDays.ToString(CultureInfo.InvariantCulture);
                values[name + "_days"] = elapsed.CalendarDays.ToString(CultureInfo.InvariantCulture);
                values[name + "_date"] = $"{elapsed.Since.Month}月{elapsed.Since.Day}日";
                break;
            case string text:
                // Personal data is masked before it reaches conversation state.
                values[name] = step.Kind == FlowStepKind.Phone ? PhoneNumberRecognition.Mask(text) : masker?.Mask(text) ?? text;
                break;
        }
    }

    /// <param name="answer">The raw answer when the action belongs to a prompt step; its var: then keeps the answer, not the action's value.</param>
    private async Task RunActionAsync(DialogContext dc, FlowStep step, IFlowAction action, Dictionary<string, string> values, string? answer, CancellationToken cancellationToken)
    {
        var turnContext = dc.Context;
        var arguments = step.With.ToDictionary(kv => kv.Key, kv => FlowTemplate.Render(kv.Value, values), StringComparer.Ordinal);
        var activity = turnContext.Activity;
        var context = new FlowActionContext(flow.Id, step.Id, activity.ChannelId, activity.Conversation?.Id, activity.From?.Id,
            new Dictionary<string, string>(values, StringComparer.Ordinal), arguments)
        {
            Answer = answer,
            Answers = CollectAnswers(dc),
        };
        var result = await action.ExecuteAsync(context, cancellationToken);
        foreach (var (name, value) in result.Variables)
        {
            values[name] = value;
        }

        if (!step.IsPrompt && step.Var is { } var && result.Value is not null)
        {
            values[var] = result.Value;
        }

        if (!string.IsNullOrWhiteSpace(result.Message))
        {
            await turnContext.SendActivityAsync(result.Message, cancellationToken: cancellationToken);
        }
    }

    private static PromptValidator<T>? Validate<T>(IFlowValidator? validator, Func<T, string> asText)
    {
        if (validator is null)
        {
            return null;
        }

        return async (context, cancellationToken) =>
        {
            if (!context.Recognized.Succeeded)
            {
                return false;
            }

            var verdict = validator.Validate(asText(context.Recognized.Value!));
            if (verdict.IsValid)
            {
                if (!string.IsNullOrWhiteSpace(verdict.Note))
                {
                    await context.Context.SendActivityAsync(verdict.Note, cancellationToken: cancellationToken);
                }

                return true;
            }

            var problem = verdict.Problem ?? "这个答案没通过检查。";
            var lastAttempt = context.Options.MaxAttempts > 0 && context.AttemptCount >= context.Options.MaxAttempts;
            await context.Context.SendActivityAsync(lastAttempt ? problem : $"{problem}\n{context.Options.Prompt}", cancellationToken: cancellationToken);
            return false;
        };
    }

    private static string? AnswerText(object? result) => result switch
    {
        null => null,
        FoundChoice choice => choice.Value,
        bool yes => yes ? "true" : "false",
        decimal number => FormatNumber(number),
        ElapsedTime elapsed => elapsed.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => result.ToString(),
    };

    private static string FormatNumber(decimal number) => number.ToString("0.##", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Snapshot(Dictionary<string, string> values) => new(values, StringComparer.Ordinal);

    private static async Task SendAsync(ITurnContext turnContext, FlowText? text, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var rendered = text?.Render(values);
        if (!string.IsNullOrWhiteSpace(rendered))
        {
            await turnContext.SendActivityAsync(rendered, cancellationToken: cancellationToken);
        }
    }
}
