using Microsoft.Bot.Builder;

namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>What a validator sees. It alone decides, so it must check <see cref="Recognized"/>.Succeeded itself.</summary>
public sealed record PromptValidatorContext<T>(ITurnContext Context, PromptRecognizerResult<T> Recognized, PromptOptions Options, int AttemptCount);
