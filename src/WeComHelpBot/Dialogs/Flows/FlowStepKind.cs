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
    Set,
    Call,
    Action,
    End,
}
