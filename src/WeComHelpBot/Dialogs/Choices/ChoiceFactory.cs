using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace WeComHelpBot.Dialogs.Choices;

/// <summary>
/// Renders choices the way the channel can show them, as Bot Builder's ChoiceFactory does: buttons (suggested
/// actions) on channels that have them, and there only buttons; ONE short numbered line in text channels (terminal,
/// WeCom). "2" or "第二个" is understood on every channel either way.
/// </summary>
public static class ChoiceFactory
{
    private static readonly HashSet<string> ChannelsWithButtons = new(StringComparer.OrdinalIgnoreCase)
    {
        "webchat", "directline", "emulator", "msteams",

        // 微信客服 shows choices as a msgmenu, the AI bot as a button card (Channels/WeComKf, Channels/WeComAiBot).
        "wecom-kf", "wecom-aibot",
    };

    public static bool SupportsButtons(string? channelId) => channelId is not null && ChannelsWithButtons.Contains(channelId);

    /// <summary>A message with <paramref name="text"/> and the choices for <paramref name="channelId"/>.</summary>
    /// <param name="numbered">False when the text already names what to answer (a clarifying question): no numbered line.</param>
    public static IMessageActivity ForChannel(string? channelId, IReadOnlyList<Choice> choices, string text, bool numbered = true)
    {
        var buttons = SupportsButtons(channelId);
        var activity = MessageFactory.Text(buttons || !numbered ? text : RenderText(text, choices), inputHint: InputHints.ExpectingInput);
        if (buttons && choices.Count > 0)
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

    /// <summary>The choices as one short line under the text: "(1) a　(2) b　(3) c".</summary>
    public static string RenderText(string text, IReadOnlyList<Choice> choices)
    {
        if (choices.Count == 0)
        {
            return text;
        }

        return $"{text}\n{string.Join("　", choices.Select((c, i) => $"({i + 1}) {c.Value}"))}";
    }

    /// <summary>
    /// Text with choices for the channel: on channels with buttons only the text (the buttons carry the choices), in
    /// text channels the numbered line. For replies built with <see cref="WithButtons"/>.
    /// </summary>
    public static string RenderFor(string? channelId, string text, IReadOnlyList<Choice> choices) =>
        SupportsButtons(channelId) ? text : RenderText(text, choices);
}
