namespace WeComHelpBot.Dialogs.Flows;

/// <summary>The flows loaded from dialogs/ (already checked by <see cref="FlowLoader"/>), by id.</summary>
public sealed class FlowCatalog
{
    public const string HandoverFlowId = "handover";

    /// <summary>Set when a flow begins because the user left another one (转人工): the id of the flow they left.</summary>
    public const string FromFlowVariable = "from_flow";

    private readonly Dictionary<string, FlowDefinition> byId;

    public FlowCatalog(IReadOnlyList<FlowDefinition> flows)
    {
        Flows = flows;
        byId = flows.ToDictionary(f => f.Id, StringComparer.Ordinal);
        Triggers = new FlowTriggerMatcher(flows);
    }

    public IReadOnlyList<FlowDefinition> Flows { get; }

    public FlowTriggerMatcher Triggers { get; }

    public FlowDefinition? Find(string flowId) => byId.GetValueOrDefault(flowId);

    /// <summary>Loads dialogs/ from <paramref name="directory"/>; throws <see cref="FlowLoadException"/> on any mistake.</summary>
    public static FlowCatalog Load(string directory) => new(FlowLoader.LoadDirectory(directory));
}
