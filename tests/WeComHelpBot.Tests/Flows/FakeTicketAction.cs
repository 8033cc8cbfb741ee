using WeComHelpBot.Dialogs.Flows;

namespace WeComHelpBot.Tests.Flows;

/// <summary>Stands in for the support area's create-ticket action.</summary>
public sealed class FakeTicketAction : IFlowAction
{
    public List<FlowActionContext> Calls { get; } = [];

    public string Name => "create-ticket";

    public Task<FlowActionResult> ExecuteAsync(FlowActionContext context, CancellationToken cancellationToken = default)
    {
        Calls.Add(context);
        return Task.FromResult(new FlowActionResult("工单已创建。", "T-0001")
        {
            Variables = new Dictionary<string, string> { ["ticket_number"] = "T-0001", ["ticket_expected"] = "客服会在 24 小时内联系您。" },
        });
    }
}
