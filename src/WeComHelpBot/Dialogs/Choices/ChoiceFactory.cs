using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace WeComHelpBot.Dialogs.Choices;

/// <summary>
/// Renders choices the way the channel can show them, as Bot Builder's ChoiceFactory does:
/// buttons (suggested actions) on channels that have them, numbered text everywhere else.
/// Numbered text is always included so a user can answer "2" or "第二个" on any channel.
/// </summary>
public static class ChoiceFactory
{
    private static readonly HashSet<string> ChannelsWithButtons = new(StringComparer.OrdinalIgnoreCase)
    {
        "webchat", "directline", "emulator", "msteams",
    };

    public static bool SupportsButtons(string? channelId) => channelId is not null && ChannelsWithButtons.Contains(channelId);

    /// <summary>A message with <paramref name="text"/> and the choices for <paramref name="channelId"/>.</summary>
    public static IMessageActivity ForChannel(string? channelId, IReadOnlyList<Choice> choices, string text)
    {
        var activity = MessageFactory.Text(RenderText(text, choices), inputHint: InputHints.ExpectingInput);
        if (SupportsButtons(channelId) && choices.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = choices.Select(c => new CardAction(ActionTypes.ImBack, c.Value, value: c.Value)).ToList(),
            };
        }

        return activity;
    }

    public static IMessageActivity ForChannel(string? channelId, IEnumerable<string> choices, string text) =>
        ForChannel(channelId, choices.Select(c => new Choice(c)).ToList(), text);

    /// <summary>
    /// A message whose text already says what to reply ("回复“有帮助”或“没帮助”"): <paramref name="buttons"/> become
    /// buttons where the channel has them and are not numbered in the text.
    /// </summary>
    public static IMessageActivity WithButtons(string? channelId, string text, IReadOnlyList<string> buttons)
    {
        var activity = MessageFactory.Text(text, inputHint: InputHints.ExpectingInput);
        if (SupportsButtons(channelId) && buttons.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = buttons.Distinct(StringComparer.Ordinal).Select(b => new CardAction(ActionTypes.ImBack, b, value: b)).ToList(),
            };
        }

        return activity;
    }

    /// <summary>Inline "(1) a　(2) b　(3) c" for a few short choices, one per line otherwise.</summary>
    public static string RenderText(string text, IReadOnlyList<Choice> choices)
    {
        if (choices.Count == 0)
        {
            return text;
        }

        var inline = choices.Count <= 3 && choices.All(c => c.Value.Length <= 8);
        var items = choices.Select((c, i) => $"({i + 1}) {c.Value}");
        return inline
            ? $"{text}\n{string.Join("　", items)}"
            : $"{text}\n{string.Join("\n", items)}";
    }
}
