namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>Decides whether a recognized answer is acceptable; it may send its own message saying what was wrong.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
