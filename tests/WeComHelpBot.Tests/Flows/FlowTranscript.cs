namespace WeComHelpBot.Tests.Flows;

/// <summary>A conversation script (Flows/Transcripts/*.yaml), as Bot Builder's *.test.dialog files are.</summary>
public sealed class FlowTranscript
{
    public string Description { get; set; } = string.Empty;

    /// <summary>The clock for the conversation (default <see cref="FlowTestHost.Now"/>).</summary>
    public DateTimeOffset? Now { get; set; }

    /// <summary>
    /// Named validators to register, from the shipped ones (credit-code, resident-id). Left out: all of them, as the bot
    /// runs; <c>validators: []</c> runs the flows with none, so their optional steps are skipped.
    /// </summary>
    public List<string>? Validators { get; set; }

    /// <summary>Named actions to register besides the shipped code-checks (when validators are shipped): only "create-ticket" (a fake) is known.</summary>
    public List<string> Actions { get; set; } = [];

    /// <summary>Questions the fake knowledge base answers: key phrase → answer.</summary>
    public Dictionary<string, string> Knowledge { get; set; } = [];

    public List<FlowTranscriptTurn> Turns { get; set; } = [];
}
