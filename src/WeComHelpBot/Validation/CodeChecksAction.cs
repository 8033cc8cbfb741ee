using WeComHelpBot.Dialogs.Flows;

namespace WeComHelpBot.Validation;

/// <summary>
/// <c>action: code-checks</c>: tells a flow that the code validators are registered (value "true"), so a flow can ask
/// questions that only make sense with them, such as "要不要顺便核对法人身份证号？". When it is not registered the
/// optional step is skipped and the variable stays unset (false).
/// </summary>
public sealed class CodeChecksAction : IFlowAction
{
    public const string ActionName = "code-checks";

    public string Name => ActionName;

    public Task<FlowActionResult> ExecuteAsync(FlowActionContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(new FlowActionResult(Value: "true"));
}
