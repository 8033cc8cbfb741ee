using System.Globalization;
using WeComHelpBot.Dialogs.Prompts;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// The prompt kinds a flow step can be, one entry each (as Composer registers its typed inputs by kind): how to make
/// the prompt dialog, and how its answer reads as text for a validator. A kind that is not here does not wait for the user.
/// </summary>
public static class FlowPromptKinds
{
    private static readonly Dictionary<FlowStepKind, Func<string, IFlowValidator?, TimeProvider, Dialog>> Registry = new()
    {
        [FlowStepKind.Text] = (id, validator, _) => new TextPrompt(id, Validate<string>(validator, v => v)),
        [FlowStepKind.Choice] = (id, validator, _) => new ChoicePrompt(id, Validate<FoundChoice>(validator, c => c.Value)),
        [FlowStepKind.Confirm] = (id, validator, _) => new ConfirmPrompt(id, Validate<bool>(validator, b => b ? "true" : "false")),
        [FlowStepKind.Number] = (id, validator, _) => new NumberPrompt(id, Validate<decimal>(validator, FormatNumber)),
        [FlowStepKind.Phone] = (id, validator, _) => new PhoneNumberPrompt(id, Validate<string>(validator, v => v)),
        [FlowStepKind.Date] = (id, validator, time) => new DateTimePrompt(id, time, Validate<ElapsedTime>(validator, e => e.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        [FlowStepKind.Company] = (id, validator, _) => new CompanyNamePrompt(id, Validate<string>(validator, v => v)),
    };

    public static bool IsPrompt(FlowStepKind kind) => Registry.ContainsKey(kind);

    /// <summary>The prompt dialog of a prompt step, with its named validator (if any).</summary>
    public static Dialog Create(FlowStepKind kind, string dialogId, IFlowValidator? validator, TimeProvider timeProvider) =>
        Registry.TryGetValue(kind, out var create)
            ? create(dialogId, validator, timeProvider)
            : throw new ArgumentException($"Step kind {kind} does not wait for the user.", nameof(kind));

    public static string FormatNumber(decimal number) => number.ToString("0.##", CultureInfo.InvariantCulture);

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
}
