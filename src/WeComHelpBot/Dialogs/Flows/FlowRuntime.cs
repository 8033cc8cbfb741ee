using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using WeComHelpBot.Dialogs.Prompts;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// The flows of this process on one dialog set whose stack lives in conversation state. Continues the active flow
/// and handles what works at every step: 取消/退出, 帮助, 重新开始, 转人工, and a free question the knowledge base
/// can answer (answered, then the step is asked again). Named validators and actions come from DI and are checked
/// against the flows here, so a flow naming one that is not registered stops the bot from starting.
/// </summary>
public sealed class FlowRuntime : IFlowStarter
{
    private readonly FlowCatalog catalog;
    private readonly DialogSet dialogs;
    private readonly IStatePropertyAccessor<DialogState> stack;
    private readonly IStatePropertyAccessor<DialogState> paused;
    private readonly IStatePropertyAccessor<Dictionary<string, string>> facts;
    private readonly IKnowledgeAnswerer answerer;
    private readonly ILogger<FlowRuntime> logger;

    public FlowRuntime(
        FlowCatalog catalog,
        ConversationState conversationState,
        IEnumerable<IFlowValidator> validators,
        IEnumerable<IFlowAction> actions,
        IKnowledgeAnswerer answerer,
        TimeProvider timeProvider,
        ILogger<FlowRuntime> logger,
        IEnumerable<IFlowObserver>? observers = null,
        IFlowValueMasker? masker = null)
    {
        this.catalog = catalog;
        this.answerer = answerer;
        this.logger = logger;

        var validatorsByName = ByName(validators, v => v.Name, "validator");
        var actionsByName = ByName(actions, a => a.Name, "action");
        var errors = FlowLoader.CheckNames(catalog.Flows, validatorsByName.Keys.ToHashSet(), actionsByName.Keys.ToHashSet());
        if (errors.Count > 0)
        {
            throw new FlowLoadException(errors);
        }

        stack = conversationState.CreateProperty<DialogState>(nameof(DialogState));
        paused = conversationState.CreateProperty<DialogState>(PausedProperty);
        facts = conversationState.CreateProperty<Dictionary<string, string>>(FactsProperty);
        dialogs = new DialogSet(stack);
        var observerList = observers?.ToList() ?? [];
        foreach (var flow in catalog.Flows)
        {
            var dialog = new FlowDialog(flow, validatorsByName, actionsByName, timeProvider, observerList, masker);
            dialogs.Add(dialog);
            foreach (var prompt in dialog.CreatePromptDialogs())
            {
                dialogs.Add(prompt);
            }
        }
    }

    /// <summary>Where a paused flow's stack is kept (conversation state, so 继续 works in a later session too).</summary>
    public const string PausedProperty = "flow.paused";

    /// <summary>Facts the user gave in one flow that another flow of the same conversation need not ask again.</summary>
    public const string FactsProperty = "flow.facts";

    /// <summary>The variables kept as <see cref="FactsProperty"/>: who the user is, not what they chose.</summary>
    public static readonly IReadOnlyList<string> FactVariables = ["company"];

    public IReadOnlyList<FlowDefinition> Flows => catalog.Flows;

    public FlowCatalog Catalog => catalog;

    public Task<bool> StartFlowAsync(ITurnContext turnContext, string flowId, CancellationToken cancellationToken = default) =>
        StartFlowAsync(turnContext, flowId, new Dictionary<string, string>(), cancellationToken);

    public Task<bool> StartFlowAsync(ITurnContext turnContext, string flowId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default) =>
        StartFlowAsync(turnContext, flowId, values, null, cancellationToken);

    /// <param name="utterance">The sentence that asked for the flow: the steps it already answers are not asked.</param>
    public async Task<bool> StartFlowAsync(ITurnContext turnContext, string flowId, IReadOnlyDictionary<string, string> values, string? utterance, CancellationToken cancellationToken = default)
    {
        if (catalog.Find(flowId) is null)
        {
            return false;
        }

        var dc = await dialogs.CreateContextAsync(turnContext, cancellationToken);
        await RememberFactsAsync(dc, cancellationToken);
        await dc.CancelAllDialogsAsync(cancellationToken);
        logger.LogInformation("Flow {FlowId} started", flowId);
        var known = await WithFactsAsync(turnContext, flowId, values, cancellationToken);
        var result = await dc.BeginDialogAsync(flowId, new DialogOptions { Values = known, Utterance = utterance }, cancellationToken);
        await ParkIfPausedAsync(turnContext, result, cancellationToken);
        return true;
    }

    /// <summary>True when a paused flow waits for 继续 in this conversation.</summary>
    public async Task<bool> HasPausedFlowAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        (await paused.GetAsync(turnContext, () => new DialogState(), cancellationToken)).DialogStack.Count > 0;

    /// <summary>The id of the flow the conversation is in (the outermost one), or null.</summary>
    public async Task<string?> ActiveFlowIdAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var dc = await dialogs.CreateContextAsync(turnContext, cancellationToken);
        return dc.Stack.Count == 0 ? null : dc.Stack[^1].Id;
    }

    /// <summary>Gives the message to the active flow; false when no flow is active (the message is not handled).</summary>
    public async Task<bool> ContinueAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var dc = await dialogs.CreateContextAsync(turnContext, cancellationToken);
        await RememberFactsAsync(dc, cancellationToken);
        var text = turnContext.Activity.Text;
        if (dc.ActiveDialog is null)
        {
            // With no flow running only 继续 matters: most messages are questions, and the rest of the reading (a person
            // asked for, a pause, a correction) would be thrown away.
            return InterruptionRecognizer.IsResume(text) && await ResumeAsync(dc, cancellationToken);
        }

        var interruption = InterruptionRecognizer.Recognize(text);

        var rootId = dc.Stack[^1].Id;
        var title = catalog.Find(rootId)?.Title ?? rootId;

        // A step that offers its own 先到这里 (a pause step of the flow) answers it itself.
        if (interruption == Interruption.Pause && dc.FindDialog(dc.ActiveDialog.Id) is IRecognizingPrompt waiting
            && await waiting.CanRecognizeAsync(turnContext, dc.ActiveDialog, cancellationToken))
        {
            interruption = Interruption.None;
        }

        switch (interruption)
        {
            case Interruption.Cancel:
                await dc.CancelAllDialogsAsync(cancellationToken);
                logger.LogInformation("Flow {FlowId} cancelled by the user", rootId);
                await turnContext.SendActivityAsync(FlowTexts.Cancelled(title), cancellationToken: cancellationToken);
                return true;

            case Interruption.Help:
                var help = dc.ActiveDialog.Prompt?.Help ?? FlowPromptKinds.Text.DefaultHelp;
                await turnContext.SendActivityAsync($"{help}\n{FlowTexts.Commands}", cancellationToken: cancellationToken);
                await dc.RepromptDialogAsync(cancellationToken);
                return true;

            case Interruption.Pause:
                await PauseAsync(dc, title, cancellationToken);
                return true;

            case Interruption.Resume:
                await turnContext.SendActivityAsync(FlowTexts.StillHere, cancellationToken: cancellationToken);
                await dc.RepromptDialogAsync(cancellationToken);
                return true;

            case Interruption.Back:
                await GoBackAsync(dc, cancellationToken);
                return true;

            case Interruption.Correct when CorrectionRecognizer.Recognize(text) is { } correction:
                await ChangeAnswerAsync(dc, correction, cancellationToken);
                return true;

            case Interruption.Restart:
                await dc.CancelAllDialogsAsync(cancellationToken);
                await turnContext.SendActivityAsync(FlowTexts.Restarting, cancellationToken: cancellationToken);
                await dc.BeginDialogAsync(rootId, null, cancellationToken);
                return true;

            case Interruption.Handover when rootId == FlowCatalog.HandoverFlowId:
                await turnContext.SendActivityAsync(FlowTexts.AlreadyHandingOver, cancellationToken: cancellationToken);
                await dc.RepromptDialogAsync(cancellationToken);
                return true;

            case Interruption.Handover:
                // The answers so far go along (as flow-id.variable) so the ticket carries them.
                var carried = FlowDialog.CollectAnswers(dc);
                carried[FlowCatalog.FromFlowVariable] = rootId;

                // The problem already named in the flow is not asked again.
                // The ticket is filed as that problem (or, before one was named, as the flow), not as a general 人工咨询.
                if (carried.FirstOrDefault(kv => kv.Key.EndsWith(".problem", StringComparison.Ordinal)) is { Value.Length: > 0 } problem)
                {
                    carried.TryAdd("failure", problem.Value);
                    carried.TryAdd("category", problem.Value);
                }
                else if (catalog.Find(rootId) is { } flow)
                {
                    carried.TryAdd("category", flow.Title);
                }

                await dc.CancelAllDialogsAsync(cancellationToken);
                logger.LogInformation("Handover asked for during flow {FlowId}", rootId);
                if (catalog.Find(FlowCatalog.HandoverFlowId) is not null)
                {
                    var known = await WithFactsAsync(turnContext, FlowCatalog.HandoverFlowId, carried, cancellationToken);
                    await dc.BeginDialogAsync(FlowCatalog.HandoverFlowId, new DialogOptions { Values = known }, cancellationToken);
                }
                else
                {
                    await turnContext.SendActivityAsync(FlowTexts.HandoverPlaceholder, cancellationToken: cancellationToken);
                }

                return true;
        }

        // Whether the waiting prompt reads the message decides both checks below: it is read once for both, not per check.
        var waitingPrompt = string.IsNullOrWhiteSpace(text) ? null : dc.FindDialog(dc.ActiveDialog.Id) as IRecognizingPrompt;
        var readable = waitingPrompt is not null && await waitingPrompt.CanRecognizeAsync(turnContext, dc.ActiveDialog, cancellationToken);

        // A clear answer to an earlier question changes it and never goes to the knowledge base.
        if (waitingPrompt is not null && !readable && await TryChangeEarlierAnswerAsync(dc, text!, cancellationToken))
        {
            return true;
        }

        if (waitingPrompt is not null && !readable && await TryAnswerQuestionAsync(dc, text!, cancellationToken))
        {
            return true;
        }

        var result = await dc.ContinueDialogAsync(cancellationToken);
        await ParkIfPausedAsync(turnContext, result, cancellationToken);
        return true;
    }

    /// <summary>Keeps what the flows on the stack know about the user (a company name), for flows started later.</summary>
    private async Task RememberFactsAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var found = dc.Stack.SelectMany(i => i.Values).Where(kv => FactVariables.Contains(kv.Key) && kv.Value.Length > 0).ToList();
        if (found.Count == 0)
        {
            return;
        }

        var known = await facts.GetAsync(dc.Context, () => new Dictionary<string, string>(StringComparer.Ordinal), cancellationToken);
        foreach (var (name, value) in found)
        {
            known[name] = value;
        }
    }

    /// <summary>The starting values, plus the facts already known that the flow declares and that were not given.</summary>
    private async Task<IReadOnlyDictionary<string, string>> WithFactsAsync(ITurnContext turnContext, string flowId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        // Read without a default: an empty dictionary set here would be stored, loaded and hashed on every later turn.
        var known = await facts.GetAsync(turnContext, cancellationToken: cancellationToken);
        var declared = catalog.Find(flowId)?.Variables ?? new Dictionary<string, string>();
        var merged = new Dictionary<string, string>(values, StringComparer.Ordinal);
        foreach (var (name, value) in known ?? [])
        {
            if (declared.ContainsKey(name) && !merged.ContainsKey(name))
            {
                merged[name] = value;
            }
        }

        return merged;
    }

    /// <summary>先到这里: the stack moves aside as it is, so 继续 (also in a later session) takes it up at the same question.</summary>
    private async Task PauseAsync(DialogContext dc, string title, CancellationToken cancellationToken)
    {
        if (dc.FindDialog(dc.ActiveDialog!.Id) is IRecognizingPrompt)
        {
            await dc.PopAsync(cancellationToken);
        }

        await ParkAsync(dc.Context, cancellationToken);
        logger.LogInformation("Flow paused by the user");
        await dc.Context.SendActivityAsync(FlowTexts.Paused(title), cancellationToken: cancellationToken);
    }

    private async Task ParkIfPausedAsync(ITurnContext turnContext, DialogTurnResult result, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(result.Result, FlowDialog.PausedResult))
        {
            await ParkAsync(turnContext, cancellationToken);
        }
    }

    private async Task ParkAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var active = await stack.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        var parked = await paused.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        parked.DialogStack = active.DialogStack.ToList();
        active.DialogStack.Clear();
    }

    /// <summary>继续 with no flow running: the paused flow comes back and asks its question again.</summary>
    private async Task<bool> ResumeAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var parked = await paused.GetAsync(dc.Context, () => new DialogState(), cancellationToken);
        if (parked.DialogStack.Count == 0)
        {
            return false;
        }

        var active = await stack.GetAsync(dc.Context, () => new DialogState(), cancellationToken);
        active.DialogStack.AddRange(parked.DialogStack);
        parked.DialogStack.Clear();
        logger.LogInformation("Flow {FlowId} resumed", active.DialogStack[^1].Id);
        await dc.Context.SendActivityAsync(FlowTexts.Resuming, cancellationToken: cancellationToken);
        var resumed = await dialogs.CreateContextAsync(dc.Context, cancellationToken);
        if (resumed.FindDialog(resumed.ActiveDialog!.Id) is IRecognizingPrompt)
        {
            await resumed.RepromptDialogAsync(cancellationToken);
        }
        else
        {
            await ParkIfPausedAsync(dc.Context, await resumed.ContinueDialogAsync(cancellationToken), cancellationToken);
        }

        return true;
    }

    /// <summary>上一步: the prompt that waits is dropped and the flow asks its previous question again.</summary>
    private async Task GoBackAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Stack.Count < 2 || dc.FindDialog(dc.Stack[1].Id) is not FlowDialog flowDialog || dc.Stack[1].History.Count == 0)
        {
            await dc.Context.SendActivityAsync(FlowTexts.NothingToGoBackTo, cancellationToken: cancellationToken);
            await dc.RepromptDialogAsync(cancellationToken);
            return;
        }

        await dc.PopAsync(cancellationToken);
        await dc.Context.SendActivityAsync(FlowTexts.GoingBack, cancellationToken: cancellationToken);
        await flowDialog.GoBackAsync(dc, cancellationToken);
    }

    /// <summary>"刚才X选错了，其实是Y" / "我改主意了": the earlier answer changes and what follows it runs again.</summary>
    private async Task ChangeAnswerAsync(DialogContext dc, Correction correction, CancellationToken cancellationToken)
    {
        if (dc.Stack.Count >= 2 && dc.FindDialog(dc.Stack[1].Id) is FlowDialog flowDialog && dc.Stack[1].History.Count > 0)
        {
            var prompt = dc.Stack[0];
            var flowInstance = dc.Stack[1];
            var history = flowInstance.History.ToList();
            var replay = flowInstance.Replay.ToList();
            var values = new Dictionary<string, string>(flowInstance.Values, StringComparer.Ordinal);
            var stepId = flowInstance.StepId;
            await dc.PopAsync(cancellationToken);
            if (correction.NewAnswer is null)
            {
                await dc.Context.SendActivityAsync(FlowTexts.GoingBack, cancellationToken: cancellationToken);
            }

            var changed = await flowDialog.ChangeAnswerAsync(dc, correction.NewAnswer, correction.About, explicitChange: true, cancellationToken);
            if (changed is not null)
            {
                logger.LogInformation("Answer to step {StepId} changed", changed.Id);
                return;
            }

            // Nothing earlier fits: put the waiting prompt back as it was.
            (flowInstance.History, flowInstance.Replay, flowInstance.Values, flowInstance.StepId) = (history, replay, values, stepId);
            var restored = await dialogs.CreateContextAsync(dc.Context, cancellationToken);
            (await stack.GetAsync(dc.Context, () => new DialogState(), cancellationToken)).DialogStack.Insert(0, prompt);
            await dc.Context.SendActivityAsync(FlowTexts.ChangeWhich, cancellationToken: cancellationToken);
            await restored.RepromptDialogAsync(cancellationToken);
            return;
        }

        await dc.Context.SendActivityAsync(FlowTexts.ChangeWhich, cancellationToken: cancellationToken);
        await dc.RepromptDialogAsync(cancellationToken);
    }

    /// <summary>
    /// A reply the waiting prompt cannot read (the caller has checked) but that names an option of an earlier choice
    /// step ("其实不急" after the urgency question): that answer changes. Questions are left to the knowledge base.
    /// </summary>
    private async Task<bool> TryChangeEarlierAnswerAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        if (QuestionDetector.LooksLikeQuestion(text) || dc.Stack.Count < 2
            || dc.FindDialog(dc.Stack[1].Id) is not FlowDialog flowDialog
            || dc.Stack[1].History.Count == 0)
        {
            return false;
        }

        var flowInstance = dc.Stack[1];
        var snapshot = (flowInstance.History.ToList(), flowInstance.Replay.ToList(), new Dictionary<string, string>(flowInstance.Values, StringComparer.Ordinal), flowInstance.StepId);
        var waiting = dc.Stack[0];
        await dc.PopAsync(cancellationToken);
        if (await flowDialog.ChangeAnswerAsync(dc, text, null, explicitChange: false, cancellationToken) is not null)
        {
            return true;
        }

        (flowInstance.History, flowInstance.Replay, flowInstance.Values, flowInstance.StepId) = snapshot;
        (await stack.GetAsync(dc.Context, () => new DialogState(), cancellationToken)).DialogStack.Insert(0, waiting);
        return false;
    }

    /// <summary>A reply the waiting prompt cannot read (the caller has checked), but the knowledge base can answer: answer it and ask the step again.</summary>
    private async Task<bool> TryAnswerQuestionAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        var answer = answerer.Answer(text);
        if (answer.Kind != AnswerKind.Answer || string.IsNullOrWhiteSpace(answer.Text))
        {
            return false;
        }

        await dc.Context.SendActivityAsync(answer.Text, cancellationToken: cancellationToken);
        await dc.Context.SendActivityAsync(FlowTexts.BackToStep, cancellationToken: cancellationToken);
        await dc.RepromptDialogAsync(cancellationToken);
        return true;
    }

    private static Dictionary<string, T> ByName<T>(IEnumerable<T> items, Func<T, string> name, string what)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!map.TryAdd(name(item), item))
            {
                throw new InvalidOperationException($"Two flow {what}s are registered with the name '{name(item)}'.");
            }
        }

        return map;
    }
}
