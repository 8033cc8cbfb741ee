using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WeComHelpBot.Dialogs.Choices;

namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>
/// Asks a question and waits for an answer of type <typeparamref name="T"/>: recognize → count the attempt →
/// validate → end with the value, or retry. Unlike Bot Builder's classic prompts there is an attempt limit,
/// after which the prompt takes the default the options name or ends the whole flow politely.
/// </summary>
public abstract class Prompt<T> : Dialog, IRecognizingPrompt
{
    private readonly PromptValidator<T>? validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId)
    {
        this.validator = validator;
    }

    /// <summary>Said before the question on a retry when the options have no retry prompt; it names the answers this prompt offers.</summary>
    protected abstract string RetryHint(PromptOptions options);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, DialogOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prompt = options?.Prompt ?? throw new ArgumentException($"Prompt '{Id}' needs PromptOptions.", nameof(options));
        var instance = dc.ActiveDialog!;
        instance.Prompt = prompt;
        instance.AttemptCount = 0;
        await OnPromptAsync(dc.Context, prompt, isRetry: false, cancellationToken);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var instance = dc.ActiveDialog!;
        var options = instance.Prompt ?? new PromptOptions();
        var recognized = await OnRecognizeAsync(dc.Context, dc.Context.Activity.Text, options, cancellationToken);
        if (recognized.Clarification is { } clarification)
        {
            // An answer that needs one short question is not a failed attempt.
            await dc.Context.SendActivityAsync(ChoiceFactory.ForChannel(dc.Context.Activity.ChannelId, ChoicesFor(options), clarification, numbered: false), cancellationToken);
            return EndOfTurn;
        }

        instance.AttemptCount++;

        var valid = validator is null
            ? recognized.Succeeded
            : await validator(new PromptValidatorContext<T>(dc.Context, recognized, options, instance.AttemptCount), cancellationToken);
        if (valid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken);
        }

        if (options.MaxAttempts > 0 && instance.AttemptCount >= options.MaxAttempts)
        {
            return await GiveUpAsync(dc, options, cancellationToken);
        }

        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, options, isRetry: true, cancellationToken);
        }

        return EndOfTurn;
    }

    /// <summary>A child cannot run under a prompt; ask again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    /// <summary>Sends the original prompt, never the retry prompt.</summary>
    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        OnPromptAsync(turnContext, instance.Prompt ?? new PromptOptions(), isRetry: false, cancellationToken);

    /// <summary>True when the reply is an answer to this prompt, including one that needs a clarifying question.</summary>
    public async Task<bool> CanRecognizeAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var result = await OnRecognizeAsync(turnContext, turnContext.Activity.Text, instance.Prompt ?? new PromptOptions(), cancellationToken);
        return result.Succeeded || result.Clarification is not null;
    }

    /// <summary>Reads <paramref name="text"/> as an answer to this prompt without a turn (an answer given earlier, a correction).</summary>
    public async Task<object?> RecognizeTextAsync(ITurnContext turnContext, string text, PromptOptions options, CancellationToken cancellationToken = default)
    {
        var result = await OnRecognizeAsync(turnContext, text, options, cancellationToken);
        return result.Succeeded ? result.Value : null;
    }

    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, string? text, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>The choices shown under the question (none for most prompts).</summary>
    protected virtual IReadOnlyList<Choice> ChoicesFor(PromptOptions options) => [];

    protected virtual async Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var text = isRetry ? options.RetryPrompt ?? $"{RetryHint(options)}\n{options.Prompt}" : options.Prompt;
        var activity = ChoiceFactory.ForChannel(turnContext.Activity.ChannelId, ChoicesFor(options), text);
        await turnContext.SendActivityAsync(activity, cancellationToken);
    }

    private async Task<DialogTurnResult> GiveUpAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken)
    {
        if (options.DefaultValue is { } fallback)
        {
            var recognized = await OnRecognizeAsync(dc.Context, fallback, options, cancellationToken);
            if (recognized.Succeeded)
            {
                await dc.Context.SendActivityAsync(PromptTexts.TookDefault(fallback), cancellationToken: cancellationToken);
                return await dc.EndDialogAsync(recognized.Value, cancellationToken);
            }
        }

        await dc.Context.SendActivityAsync(PromptTexts.GaveUp, cancellationToken: cancellationToken);
        return await dc.CancelAllDialogsAsync(cancellationToken);
    }
}
