using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Channels;

/// <summary>
/// Cleans the text of an incoming message before the bot reads it (<see cref="UnicodeText.Clean"/>), so that
/// every recognizer downstream can normalize it. Registered as middleware: every adapter built from DI runs it.
/// </summary>
public sealed class MessageTextSanitizer : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity is { Type: ActivityTypes.Message, Text: { } text })
        {
            turnContext.Activity.Text = UnicodeText.Clean(text);
        }

        return next(cancellationToken);
    }
}
