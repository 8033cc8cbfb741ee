using WeComHelpBot.Dialogs.Prompts;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>A prompt kind whose prompt dialog returns a <typeparamref name="T"/>: the typed half every kind shares.</summary>
public abstract class FlowPromptKind<T> : FlowPromptKind
{
    /// <summary>The answer as text, for validators, actions and comparisons.</summary>
    protected abstract string Format(T answer);

    protected abstract Dialog CreateDialog(string dialogId, PromptValidator<T>? validator, TimeProvider timeProvider);

    public sealed override Dialog CreateDialog(string dialogId, IFlowValidator? validator, TimeProvider timeProvider) =>
        CreateDialog(dialogId, Validate(validator), timeProvider);

    public sealed override string? AsText(object? answer) => answer switch
    {
        null => null,
        T typed => Format(typed),
        _ => answer.ToString(),
    };

    public sealed override void Store(string variable, object? answer, IDictionary<string, string> values, IFlowValueMasker? masker)
    {
        if (answer is T typed)
        {
            Store(variable, typed, values, masker);
        }
    }

    protected virtual void Store(string variable, T answer, IDictionary<string, string> values, IFlowValueMasker? masker) =>
        values[variable] = Format(answer);

    private PromptValidator<T>? Validate(IFlowValidator? validator)
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

            var verdict = validator.Validate(Format(context.Recognized.Value!));
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
}
