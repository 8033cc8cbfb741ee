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

        dialogs = new DialogSet(conversationState.CreateProperty<DialogState>(nameof(DialogState)));
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

    public IReadOnlyList<FlowDefinition> Flows => catalog.Flows;

    public FlowCatalog Catalog => catalog;

    public Task<bool> StartFlowAsync(ITurnContext turnContext, string flowId, CancellationToken cancellationToken = default) =>
        StartFlowAsync(turnContext, flowId, new Dictionary<string, string>(), cancellationToken);

    public async Task<bool> StartFlowAsync(ITurnContext turnContext, string flowId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        if (catalog.Find(flowId) is null)
        {
            return false;
        }

        var dc = await dialogs.CreateContextAsync(turnContext, cancellationToken);
        await dc.CancelAllDialogsAsync(cancellationToken);
        logger.LogInformation("Flow {FlowId} started", flowId);
        await dc.BeginDialogAsync(flowId, new DialogOptions { Values = values }, cancellationToken);
        return true;
    }

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
        if (dc.ActiveDialog is null)
        {
            return false;
        }

        var rootId = dc.Stack[^1].Id;
        var title = catalog.Find(rootId)?.Title ?? rootId;
        var text = turnContext.Activity.Text;
        switch (InterruptionRecognizer.Recognize(text))
        {
            case Interruption.Cancel:
                await dc.CancelAllDialogsAsync(cancellationToken);
                logger.LogInformation("Flow {FlowId} cancelled by the user", rootId);
                await turnContext.SendActivityAsync(FlowTexts.Cancelled(title), cancellationToken: cancellationToken);
                return true;

            case Interruption.Help:
                var help = dc.ActiveDialog.Prompt?.Help ?? FlowTexts.DefaultHelp(FlowStepKind.Text);
                await turnContext.SendActivityAsync($"{help}\n{FlowTexts.Commands}", cancellationToken: cancellationToken);
                await dc.RepromptDialogAsync(cancellationToken);
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
                await dc.CancelAllDialogsAsync(cancellationToken);
                logger.LogInformation("Handover asked for during flow {FlowId}", rootId);
                if (catalog.Find(FlowCatalog.HandoverFlowId) is not null)
                {
                    await dc.BeginDialogAsync(FlowCatalog.HandoverFlowId, new DialogOptions { Values = carried }, cancellationToken);
                }
                else
                {
                    await turnContext.SendActivityAsync(FlowTexts.HandoverPlaceholder, cancellationToken: cancellationToken);
                }

                return true;
        }

        if (await TryAnswerQuestionAsync(dc, text, cancellationToken))
        {
            return true;
        }

        await dc.ContinueDialogAsync(cancellationToken);
        return true;
    }

    /// <summary>A reply the waiting prompt cannot read, but the knowledge base can answer: answer it and ask the step again.</summary>
    private async Task<bool> TryAnswerQuestionAsync(DialogContext dc, string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text)
            || dc.FindDialog(dc.ActiveDialog!.Id) is not IRecognizingPrompt prompt
            || await prompt.CanRecognizeAsync(dc.Context, dc.ActiveDialog, cancellationToken))
        {
            return false;
        }

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
