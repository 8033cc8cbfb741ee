using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeComHelpBot.Channels;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Privacy;
using WeComHelpBot.Recognition;
using WeComHelpBot.Support;

namespace WeComHelpBot.Tickets;

/// <summary>
/// The flow action <c>create-ticket</c>. On the handover flow's phone step it receives the typed number as
/// <see cref="FlowActionContext.Answer"/> (never stored in dialog state) and creates the ticket with the failure,
/// company, where the hand-over came from and the answers of the flows before it; the ticket number and the expected
/// response time come back as the variables <c>ticket_number</c> and <c>ticket_expected</c>.
/// Arguments (with:): failure, company, category, source, phone (used when the step is not a phone step).
/// </summary>
public sealed class CreateTicketAction(
    TicketService tickets,
    PersonalDataMasker masker,
    IEnumerable<ITicketCreatedObserver> observers,
    IOptions<SupportOptions> options,
    TimeProvider time,
    ILogger<CreateTicketAction> logger) : IFlowAction
{
    public const string ActionName = "create-ticket";
    public const string TicketNumberVariable = "ticket_number";
    public const string ExpectedResponseVariable = "ticket_expected";

    public string Name => ActionName;

    public async Task<FlowActionResult> ExecuteAsync(FlowActionContext context, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(context.ConversationId))
        {
            return new FlowActionResult(SupportTexts.TicketNotCreated);
        }

        var phone = context.Answer ?? Argument(context, "phone");
        var failure = Argument(context, "failure");
        var category = Argument(context, "category");
        var request = new TicketRequest(
            context.ConversationId,
            phone,
            CompanyName(Argument(context, "company")),
            category.Length > 0 ? category : SupportTexts.DefaultTicketCategory,
            failure.Length > 0 ? failure : category)
        {
            // The flow's own answers are the ticket's fields; the flows before it (troubleshooting…) are the context.
            Answers = context.Answers
                .Where(a => !a.Key.StartsWith(context.FlowId + ".", StringComparison.Ordinal))
                .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
            Source = Argument(context, "source") is { Length: > 0 } source ? source : context.FlowId,
        };

        try
        {
            var ticket = await tickets.CreateAsync(request, cancellationToken);
            var address = new ConversationAddress(context.ChannelId ?? string.Empty, context.ConversationId, context.UserId);
            foreach (var observer in observers)
            {
                await NotifyAsync(observer, ticket, address, cancellationToken);
            }

            return new FlowActionResult
            {
                Variables = new Dictionary<string, string>
                {
                    [TicketNumberVariable] = ticket.Number,
                    [ExpectedResponseVariable] = WorkingHours.IsOpen(options.Value, time.GetUtcNow()) ? ticket.ExpectedResponse : options.Value.AgentAwayMessage,
                },
            };
        }
        catch (ArgumentException)
        {
            // The phone prompt only lets mobiles through; this is for a create-ticket step given a bad phone: argument.
            logger.LogWarning("Ticket not created in conversation {ConversationId}: no usable contact phone", masker.Mask(context.ConversationId));
            return new FlowActionResult(SupportTexts.TicketNotCreated);
        }
    }

    // The ticket exists whatever an observer does: a failing console record or notification must not cost the user it.
    private async Task NotifyAsync(ITicketCreatedObserver observer, Ticket ticket, ConversationAddress address, CancellationToken cancellationToken)
    {
        try
        {
            await observer.OnTicketCreatedAsync(ticket, address, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Ticket {TicketNumber}: {Observer} failed", ticket.Number, observer.GetType().Name);
        }
    }

    /// <summary>The name alone: a value handed over with the words around it ("我们是X有限公司，急") keeps only X有限公司.</summary>
    private static string CompanyName(string company) => CompanyNameRecognizer.Named(company) ?? company;

    private static string Argument(FlowActionContext context, string name) =>
        context.Arguments.GetValueOrDefault(name)?.Trim() ?? string.Empty;
}
