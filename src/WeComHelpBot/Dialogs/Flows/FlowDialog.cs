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
public sealed partial class FlowDialog : Dialog
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

    /// <summary>Where the sentence that started the flow is kept, for names and codes asked about later in the flow.</summary>
    public const string UtteranceOption = "__utterance";

    /// <summary>Prefix of the options that say a named validator accepted a code in the opening sentence (value: its note).</summary>
    public const string CheckedOption = "__checked:";

    /// <summary>Set once a call step has handed the opening sentence to a called flow as that flow's own opening.</summary>
    public const string OpeningPassedOption = "__opening-passed";

    public static string PromptId(string flowId, string stepId) => $"{flowId}#{stepId}";

    /// <summary>The prompt dialogs of this flow's prompt steps, each with its step's validator (one registry entry per kind).</summary>
    public IEnumerable<Dialog> CreatePromptDialogs()
    {
        foreach (var step in flow.Steps.OfType<PromptStep>())
        {
            var validator = step.Validator is null ? null : validators.GetValueOrDefault(step.Validator);
            yield return step.Kind.CreateDialog(PromptId(flow.Id, step.Id), validator, timeProvider);
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
        if (options?.Utterance is { Length: > 0 } utterance)
        {
            // Kept for later steps masked, like every text in state; a code in it is checked now, by every validator so
            // that flows called later can use the verdict too, and only the verdict is kept.
            instance.Options[UtteranceOption] = masker?.Mask(utterance) ?? utterance;
            foreach (var (name, note) in options.CheckedCodes)
            {
                instance.Options[CheckedOption + name] = note;
            }

            foreach (var (name, validator) in validators)
            {
                if (CodeLike().IsMatch(utterance) && validator.Validate(utterance) is { IsValid: true } verdict)
                {
                    instance.Options[CheckedOption + name] = verdict.Note is null ? string.Empty : masker?.Mask(verdict.Note) ?? verdict.Note;
                }
            }
        }

        foreach (var observer in observers)
        {
            await observer.OnFlowStartedAsync(dc.Context, flow, instance.Values, cancellationToken);
        }

        await SendAsync(dc.Context, flow.Intro, instance.Values, cancellationToken);
        return await RunAsync(dc, 0, cancellationToken, options?.UtteranceIsOpening == true ? options.Utterance : null);
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

        if (step is PromptStep prompt)
        {
            await AcceptAsync(dc, prompt, result, cancellationToken);
        }

        return await RunAsync(dc, NextIndex(step, instance.Values, (result as FoundChoice)?.Index ?? -1), cancellationToken);
    }

    /// <summary>
    /// 上一步: undoes the last answer of this flow and asks that question again. The flow must be the active dialog
    /// (the runtime drops the waiting prompt first). False when nothing has been answered in this flow yet.
    /// </summary>
    public async Task<bool> GoBackAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var instance = dc.ActiveDialog!;
        if (instance.History.Count == 0)
        {
            return false;
        }

        await ReopenAsync(dc, instance.History.Count - 1, cancellationToken);
        return true;
    }

    /// <summary>
    /// Changes an earlier answer: the most recent answered step that <paramref name="newAnswer"/> answers (and that
    /// <paramref name="about"/> names, when given) takes it, and the steps after it run again, reusing the answers given
    /// after it where they still apply. Without a new answer, the step named (or the last one) is asked again.
    /// Returns the step changed, or null when no earlier step fits. The flow must be the active dialog.
    /// </summary>
    public async Task<PromptStep?> ChangeAnswerAsync(DialogContext dc, string? newAnswer, string? about, bool explicitChange, CancellationToken cancellationToken = default)
    {
        var instance = dc.ActiveDialog!;
        var best = -1;
        object? bestValue = null;
        var bestScore = 0.0;
        for (var i = instance.History.Count - 1; i >= 0; i--)
        {
            var entry = instance.History[i];
            if (FindStep(entry.StepId) is not PromptStep { Action: null } step)
            {
                continue;
            }

            var named = about is null ? 0 : TextSimilarity.Coverage(about, StepWords(step));
            if (newAnswer is null)
            {
                var score = about is null ? (i == instance.History.Count - 1 ? 1 : 0) : named;
                if (score > bestScore)
                {
                    (best, bestScore) = (i, score);
                }

                continue;
            }

            var value = await RecognizeAsync(dc, step, newAnswer, entry.Before, cancellationToken);
            if (value is null || (!explicitChange && (value is not FoundChoice { MatchKind: ChoiceMatchKind.Exact or ChoiceMatchKind.Contained } || !step.Kind.AnswersByNamingAnOption)))
            {
                continue;
            }

            if (value is FoundChoice { MatchKind: ChoiceMatchKind.Number or ChoiceMatchKind.Ordinal or ChoiceMatchKind.Partial } && about is null)
            {
                continue;
            }

            // Which earlier question the new answer belongs to: a choice named by its option beats a yes/no that any
            // confirm step would take; the words of the question (about, or the answer itself) decide between steps.
            var overlap = Math.Max(named, TextSimilarity.Coverage(newAnswer, StepWords(step)));
            var candidate = (step.Kind.AnswersByNamingAnOption ? 2 : 1) + overlap + (i * 0.001);
            if (step.Kind.AnswersAnyYesNo && overlap == 0 && i != instance.History.Count - 1)
            {
                continue;
            }

            if (candidate > bestScore)
            {
                (best, bestScore, bestValue) = (i, candidate, value);
            }
        }

        if (best < 0)
        {
            return null;
        }

        var changed = (PromptStep)FindStep(instance.History[best].StepId)!;
        if (bestValue is null)
        {
            await ReopenAsync(dc, best, cancellationToken);
            return changed;
        }

        if (!explicitChange && SameAnswer(instance.History[best], changed, bestValue))
        {
            return null;
        }

        Reset(instance, best);
        instance.StepId = changed.Id;
        await AcceptAsync(dc, changed, bestValue, cancellationToken);
        await dc.Context.SendActivityAsync(FlowTexts.Changed(changed.Kind.Describe(changed, bestValue) ?? newAnswer!), cancellationToken: cancellationToken);
        await RunAsync(dc, NextIndex(changed, instance.Values, (bestValue as FoundChoice)?.Index ?? -1), cancellationToken);
        return changed;
    }

    /// <summary>Help for a step: why it is asked and what each option means.</summary>
    private static string HelpFor(PromptStep step, IReadOnlyDictionary<string, string> values)
    {
        var help = step.Help is not null ? FlowTemplate.Render(step.Help, values) : step.Kind.Help(step);
        var described = step.Choices.Where(c => c.Description is not null).Select(c => $"· {c.Value}：{c.Description}").ToList();
        return described.Count == 0 ? help : $"{help}\n{string.Join("\n", described)}";
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

    /// <param name="utterance">The sentence that started the flow: prompt steps it already answers are not asked.</param>
    private async Task<DialogTurnResult> RunAsync(DialogContext dc, int index, CancellationToken cancellationToken, string? utterance = null)
    {
        var instance = dc.ActiveDialog!;
        var values = instance.Values;

        // In later turns the opening sentence still gives names and codes, but no longer picks options or dates.
        var opening = utterance is not null;
        utterance ??= instance.Options.GetValueOrDefault(UtteranceOption);
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

            var choiceIndex = -1;
            switch (step)
            {
                case MessageStep message:
                    await SendAsync(dc.Context, message.Text, values, cancellationToken);
                    break;
                case SetStep set:
                    foreach (var (name, template) in set.Set)
                    {
                        values[name] = FlowTemplate.Render(template, values);
                    }

                    break;
                case EndStep end:
                    await SendAsync(dc.Context, end.Text, values, cancellationToken);
                    return await CompleteAsync(dc, cancellationToken);
                case PauseStep pause:
                    await SendAsync(dc.Context, pause.Text, values, cancellationToken);
                    return Pause(instance);
                case CallStep call:
                    var arguments = call.With.ToDictionary(kv => kv.Key, kv => FlowTemplate.Render(kv.Value, values), StringComparer.Ordinal);
                    return await dc.BeginDialogAsync(call.Flow, CallOptions(instance, arguments, utterance, opening), cancellationToken);
                case ActionStep actionStep:
                    if (actions.GetValueOrDefault(actionStep.Action) is { } action)
                    {
                        await RunActionAsync(dc, actionStep.Id, actionStep.With, actionStep.Var, action, values, null, cancellationToken);
                    }

                    break;
                case PromptStep prompt:
                    if (prompt.Validator is not null && !validators.ContainsKey(prompt.Validator))
                    {
                        break; // An optional step whose validator is not registered (the loader refuses the others).
                    }

                    // An answer given after a step that was changed since: reused, not asked again.
                    if (prompt.Action is null && instance.Replay.FirstOrDefault(a => a.StepId == step.Id) is { } replayed)
                    {
                        instance.Replay.Remove(replayed);
                        instance.History.Add(new StepAnswer { StepId = step.Id, Before = Snapshot(values), Written = replayed.Written, ChoiceIndex = replayed.ChoiceIndex });
                        foreach (var (name, value) in replayed.Written)
                        {
                            values[name] = value;
                        }

                        choiceIndex = replayed.ChoiceIndex;
                        break;
                    }

                    if (utterance is not null && prompt.Action is null && await PrefillAsync(dc, prompt, utterance, opening, cancellationToken) is { } known)
                    {
                        await AcceptAsync(dc, prompt, known, cancellationToken);
                        choiceIndex = (known as FoundChoice)?.Index ?? -1;
                        break;
                    }

                    return await dc.PromptAsync(PromptId(flow.Id, step.Id), BuildPromptOptions(prompt, values), cancellationToken);
            }

            index = NextIndex(step, values, choiceIndex);
        }

        return await FinishAsync(dc, cancellationToken);
    }

    /// <summary>
    /// What a called flow starts with: its arguments, the opening sentence and the verdicts on its codes. The first flow
    /// called takes the sentence as its own opening (the failure named, the days since the transfer), even when the call
    /// comes turns later; flows called after that take only names and checked codes from it, so a problem named once
    /// is not picked again at every later call.
    /// </summary>
    private static DialogOptions CallOptions(DialogInstance instance, Dictionary<string, string> arguments, string? utterance, bool opening)
    {
        var asOpening = utterance is not null && (opening || !instance.Options.ContainsKey(OpeningPassedOption));
        if (asOpening)
        {
            instance.Options[OpeningPassedOption] = string.Empty;
        }

        return new DialogOptions
        {
            Values = arguments,
            Utterance = utterance,
            UtteranceIsOpening = asOpening,
            CheckedCodes = instance.Options.Where(kv => kv.Key.StartsWith(CheckedOption, StringComparison.Ordinal))
                .ToDictionary(kv => kv.Key[CheckedOption.Length..], kv => kv.Value, StringComparer.Ordinal),
        };
    }

    /// <summary>The result a flow returns when a pause step parks it; the runtime then keeps the stack for 继续.</summary>
    public static object PausedResult { get; } = new();

    /// <summary>Parks the flow at the question before the pause: 继续 asks it again.</summary>
    private static DialogTurnResult Pause(DialogInstance instance)
    {
        if (instance.History.Count > 0)
        {
            var last = instance.History[^1];
            Reset(instance, instance.History.Count - 1);
            instance.StepId = last.StepId;
        }

        return new DialogTurnResult(DialogTurnStatus.Waiting, PausedResult);
    }

    /// <summary>
    /// What the opening sentence already answers for this step: an option it names (not a number in it: "打款3天了" is
    /// not option 3), a date or elapsed time, a company name with a name-like ending, or a code a validator accepted
    /// when the flow began.
    /// </summary>
    private async Task<object?> PrefillAsync(DialogContext dc, PromptStep step, string utterance, bool opening, CancellationToken cancellationToken)
    {
        if (step is { Kind.TakesCheckedCodes: true, Validator: { } validator } && dc.ActiveDialog!.Options.GetValueOrDefault(CheckedOption + validator) is { } note)
        {
            if (note.Length > 0)
            {
                await dc.Context.SendActivityAsync(note, cancellationToken: cancellationToken);
            }

            return FlowTexts.CheckedFromOpening;
        }

        return await step.Kind.FromOpeningAsync(utterance, opening, text => RecognizeAsync(dc, step, text, dc.ActiveDialog!.Values, cancellationToken));
    }

    /// <summary>Keeps the answer (masked where needed), runs the step's action, and records it in the history.</summary>
    private async Task AcceptAsync(DialogContext dc, PromptStep step, object? result, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        var before = Snapshot(instance.Values);
        if (step.Var is { } variable)
        {
            step.Kind.Store(variable, result, instance.Values, masker);
        }

        // The raw answer goes to the step's action for this call only; state keeps what Store kept (masked).
        if (step.Action is { } name && actions.GetValueOrDefault(name) is { } action)
        {
            await RunActionAsync(dc, step.Id, step.With, null, action, instance.Values, step.Kind.AsText(result), cancellationToken);
        }

        var written = instance.Values.Where(kv => before.GetValueOrDefault(kv.Key) != kv.Value).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        instance.History.Add(new StepAnswer { StepId = step.Id, Before = before, Written = written, ChoiceIndex = (result as FoundChoice)?.Index ?? -1 });
    }

    /// <summary>Undoes the answer at <paramref name="position"/> of the history (and the later ones, kept for replay) and asks that step again.</summary>
    private async Task ReopenAsync(DialogContext dc, int position, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        var step = (PromptStep)FindStep(instance.History[position].StepId)!;
        Reset(instance, position);
        instance.StepId = step.Id;
        await dc.PromptAsync(PromptId(flow.Id, step.Id), BuildPromptOptions(step, instance.Values), cancellationToken);
    }

    /// <summary>Variables back to what they were before the answer at <paramref name="position"/>; the later answers wait for replay.</summary>
    private static void Reset(DialogInstance instance, int position)
    {
        var entry = instance.History[position];
        instance.Values = new Dictionary<string, string>(entry.Before, StringComparer.Ordinal);
        instance.Replay = instance.History.Skip(position + 1).Concat(instance.Replay).ToList();
        instance.History = instance.History.Take(position).ToList();
    }

    private async Task<object?> RecognizeAsync(DialogContext dc, PromptStep step, string text, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken) =>
        dc.FindDialog(PromptId(flow.Id, step.Id)) is IRecognizingPrompt prompt
            ? await prompt.RecognizeTextAsync(dc.Context, text, BuildPromptOptions(step, values), cancellationToken)
            : null;

    private static bool SameAnswer(StepAnswer entry, PromptStep step, object value) =>
        value is FoundChoice choice ? entry.ChoiceIndex == choice.Index : step.Var is { } name && entry.Written.GetValueOrDefault(name) == step.Kind.AsText(value);

    /// <summary>The words that name a step: its question, its options and its variable's options.</summary>
    private string StepWords(PromptStep step) =>
        string.Join(" ", new[] { step.Prompt.Render(flow.Variables) }.Concat(step.Choices.Select(c => c.Value)));

    private FlowStep? FindStep(string? id) => flow.Steps.FirstOrDefault(s => s.Id == id);

    [System.Text.RegularExpressions.GeneratedRegex(@"[0-9A-Za-z]{15,}")]
    private static partial System.Text.RegularExpressions.Regex CodeLike();

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

    private int NextIndex(FlowStep step, IReadOnlyDictionary<string, string> values, int chosen)
    {
        var choices = (step as PromptStep)?.Choices ?? [];
        var target = chosen >= 0 && chosen < choices.Count ? choices[chosen].Goto : null;
        target ??= step.Goto.FirstOrDefault(g => g.When is null || g.When.Evaluate(values))?.Target;
        if (target is null)
        {
            return flow.Steps.ToList().FindIndex(s => s.Id == step.Id) + 1;
        }

        return target == FlowGoto.End ? flow.Steps.Count : flow.Steps.ToList().FindIndex(s => s.Id == target);
    }

    private PromptOptions BuildPromptOptions(PromptStep step, IReadOnlyDictionary<string, string> values)
    {
        var prompt = step.Prompt.Render(values);
        return new PromptOptions
        {
            Prompt = prompt,
            RetryPrompt = step.Retry is null ? null : $"{FlowTemplate.Render(step.Retry, values)}\n{prompt}",
            Help = HelpFor(step, values),
            Choices = step.Kind.Options(step).ToList(),
            MaxAttempts = step.MaxAttempts ?? 3,
            DefaultValue = step.Default,
        };
    }

    /// <param name="valueVariable">Where the action's value is kept (an action step's var:; a prompt step's var: keeps the answer instead).</param>
    /// <param name="answer">The raw answer when the action belongs to a prompt step.</param>
    private async Task RunActionAsync(DialogContext dc, string stepId, IReadOnlyDictionary<string, string> with, string? valueVariable, IFlowAction action, Dictionary<string, string> values, string? answer, CancellationToken cancellationToken)
    {
        var turnContext = dc.Context;
        var arguments = with.ToDictionary(kv => kv.Key, kv => FlowTemplate.Render(kv.Value, values), StringComparer.Ordinal);
        var activity = turnContext.Activity;
        var context = new FlowActionContext(flow.Id, stepId, activity.ChannelId, activity.Conversation?.Id, activity.From?.Id,
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

        if (valueVariable is not null && result.Value is not null)
        {
            values[valueVariable] = result.Value;
        }

        if (!string.IsNullOrWhiteSpace(result.Message))
        {
            await turnContext.SendActivityAsync(result.Message, cancellationToken: cancellationToken);
        }
    }

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
