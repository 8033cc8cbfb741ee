namespace WeComHelpBot.Dialogs.Flows;

/// <summary>What a step does. The prompt kinds wait for the user; the others run and move on.</summary>
public enum FlowStepKind
{
    Message,
    Text,
    Choice,
    Confirm,
    Number,
    Phone,
    Date,

    /// <summary>A company (or shop, unit) name, taken out of the sentence around it ("刚才说过了，X公司" → X公司).</summary>
    Company,
    Set,
    Call,
    Action,
    End,

    /// <summary>Says its text and keeps the flow for later: "继续" takes it up again at the question before the pause.</summary>
    Pause,
}
