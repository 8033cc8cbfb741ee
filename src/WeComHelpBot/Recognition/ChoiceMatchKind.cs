namespace WeComHelpBot.Recognition;

public enum ChoiceMatchKind
{
    Exact,
    Contained,
    Ordinal,
    Number,
    Partial,
}
