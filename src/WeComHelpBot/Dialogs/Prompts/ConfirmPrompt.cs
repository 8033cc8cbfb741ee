using Microsoft.Bot.Builder;
using WeComHelpBot.Dialogs.Choices;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Dialogs.Prompts;

/// <summary>
/// Yes or no. The prompt's own labels first (一样 / 不一样或不确定), then the yes/no reading of the reply, hedges and
/// reasons included (老板那边应该没问题, 暂时用不着); then the numbered choices, where 1 means yes and 2 means no.
/// "看情况" / "不确定" gets one short question naming the two labels; a question is never read as an answer.
/// The two labels default to 是 / 不是; a flow may name its own (有 / 没有) through the options' two choices.
/// </summary>
public sealed class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    public static readonly IReadOnlyList<Choice> DefaultChoices = [new("是"), new("不是")];

    // A label that already covers doubt ("不一样或不确定") is the answer to "不太确定".
    private static readonly string[] DoubtWords = ["不确定", "不清楚", "不知道"];

    protected override string RetryHint(PromptOptions options)
    {
        var choices = ChoicesFor(options);
        return PromptTexts.ConfirmRetry(choices[0].Value, choices[1].Value);
    }

    protected override IReadOnlyList<Choice> ChoicesFor(PromptOptions options) =>
        options.Choices.Count == 2 ? options.Choices : DefaultChoices;

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, string? text, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(Read(text, ChoicesFor(options)));

    private static PromptRecognizerResult<bool> Read(string? text, IReadOnlyList<Choice> choices)
    {
        var labels = ChoiceMatcher.Match(text, choices.Select(c => (IReadOnlyList<string>)[c.Value, .. c.Synonyms]).ToList());
        if (labels is { Kind: ChoiceMatchKind.Exact })
        {
            return new PromptRecognizerResult<bool>(true, labels.Index == 0);
        }

        // A label that spells out the doubt ("不一样或不确定") takes "不确定" as its own.
        var core = TextNormalizer.TrimParticles(TextNormalizer.Normalize(text));
        var spelledOut = core.Length >= 2 ? choices.Select((c, i) => (c, i)).Where(x => TextNormalizer.Normalize(x.c.Value).Contains(core, StringComparison.Ordinal)).ToList() : [];
        if (spelledOut.Count == 1)
        {
            return new PromptRecognizerResult<bool>(true, spelledOut[0].i == 0);
        }

        switch (YesNoRecognizer.Read(text))
        {
            case YesNoReading.Yes:
                return new PromptRecognizerResult<bool>(true, true);
            case YesNoReading.No:
                return new PromptRecognizerResult<bool>(true, false);
            case YesNoReading.Unsure when choices.Select((c, i) => (c, i)).Where(x => DoubtWords.Any(x.c.Value.Contains)).ToList() is [var doubt]:
                return new PromptRecognizerResult<bool>(true, doubt.i == 0);
            case YesNoReading.Unsure:
                return PromptRecognizerResult<bool>.Ask(PromptTexts.ConfirmUnsure(choices[0].Value, choices[1].Value));
        }

        if (QuestionDetector.LooksLikeQuestion(text))
        {
            return PromptRecognizerResult<bool>.Failed;
        }

        return labels is { Kind: ChoiceMatchKind.Number or ChoiceMatchKind.Ordinal or ChoiceMatchKind.Contained }
            ? new PromptRecognizerResult<bool>(true, labels.Index == 0)
            : PromptRecognizerResult<bool>.Failed;
    }
}
