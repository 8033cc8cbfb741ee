namespace WeComHelpBot.Recognition;

/// <summary>How a reply to a yes/no question reads: a yes, a no, an "it depends" that needs one short question, or no answer at all.</summary>
public enum YesNoReading
{
    None,
    Yes,
    No,
    Unsure,
}
