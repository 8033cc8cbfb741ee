using System.Globalization;
using WeComHelpBot.Dialogs.Prompts;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Dialogs.Flows.PromptKinds;

/// <summary>
/// date: when something happened ("3天前", "上周五"). The variable keeps the working days since; VAR_days the calendar days
/// and VAR_date the day ("11月20日"). A time named in the opening sentence ("打款3天了") answers it.
/// </summary>
public sealed class DatePromptKind : FlowPromptKind<ElapsedTime>
{
    public override string Name => "date";

    public override string DefaultHelp => "告诉我大概是哪天或者过了多久，比如“上周五”“3天前”“两个工作日了”。";

    protected override string Format(ElapsedTime answer) => answer.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected override Dialog CreateDialog(string dialogId, PromptValidator<ElapsedTime>? validator, TimeProvider timeProvider) =>
        new DateTimePrompt(dialogId, timeProvider, validator);

    public override IEnumerable<string> WrittenVariables(string variable) => [variable, variable + "_date", variable + "_days"];

    protected override void Store(string variable, ElapsedTime answer, IDictionary<string, string> values, IFlowValueMasker? masker)
    {
        values[variable] = answer.WorkingDays.ToString(CultureInfo.InvariantCulture);
        values[variable + "_days"] = answer.CalendarDays.ToString(CultureInfo.InvariantCulture);
        values[variable + "_date"] = $"{answer.Since.Month}月{answer.Since.Day}日";
    }

    public override async Task<object?> FromOpeningAsync(string utterance, bool firstTurn, Func<string, Task<object?>> recognize) =>
        firstTurn ? await recognize(utterance) : null;
}
