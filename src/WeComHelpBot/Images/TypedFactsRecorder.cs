using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WeComHelpBot.Bot;
using WeComHelpBot.Recognition;
using WeComHelpBot.Validation;

namespace WeComHelpBot.Images;

/// <summary>
/// Notes the credit code and company name in what the user types (into <see cref="TypedFactsMemory"/>) and never takes
/// the message: it runs before the pipeline's stages, whichever of them answers.
/// </summary>
public sealed class TypedFactsRecorder(TypedFactsMemory memory) : IMessageHandler
{
    public Task<bool> TryHandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken = default)
    {
        var text = turnContext.Activity.Text;
        if (!string.IsNullOrEmpty(text) && turnContext.TurnState.Get<object>(TypedFactsMemory.FromImageKey) is null)
        {
            var code = CodeCandidate.Find(text);
            memory.Remember(
                turnContext,
                code.Length is >= UnifiedSocialCreditCode.Length - 1 and <= UnifiedSocialCreditCode.Length + 1 ? code : null,
                CompanyNameRecognizer.Named(text));
        }

        return Task.FromResult(false);
    }
}
