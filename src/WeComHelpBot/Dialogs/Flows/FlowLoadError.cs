namespace WeComHelpBot.Dialogs.Flows;

/// <summary>One problem in a flow file.</summary>
public sealed record FlowLoadError(string File, int Line, string Problem)
{
    public override string ToString() => $"{File}:{Line}: {Problem}";
}
