namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// C# behaviour a flow step can run (<c>action: create-ticket</c>). Register implementations in DI as
/// <c>services.AddSingleton&lt;IFlowAction, MyAction&gt;()</c>; the name must be unique.
/// </summary>
public interface IFlowAction
{
    string Name { get; }

    Task<FlowActionResult> ExecuteAsync(FlowActionContext context, CancellationToken cancellationToken = default);
}
