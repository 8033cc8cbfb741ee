using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WeComHelpBot.Channels;
using WeComHelpBot.Privacy;
using WeComHelpBot.Support;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Server.Desk;

/// <summary>
/// Posts every new ticket to <see cref="SupportOptions.NotifyWebhookUrl"/> as a WeCom group-robot markdown message,
/// masked (phone 138****5678, no transcript). It runs in the background with its own timeout: the user's turn never
/// waits for the webhook, and a failed post is logged, not retried.
/// </summary>
public sealed class WebhookTicketNotifier(
    IHttpClientFactory httpClientFactory,
    IOptions<SupportOptions> options,
    PersonalDataMasker masker,
    ILogger<WebhookTicketNotifier> logger) : ITicketCreatedObserver
{
    public const string HttpClientName = "support-webhook";

    public Task OnTicketCreatedAsync(Ticket ticket, ConversationAddress address, CancellationToken cancellationToken = default)
    {
        var url = options.Value.NotifyWebhookUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            return Task.CompletedTask;
        }

        var body = JsonSerializer.Serialize(new { msgtype = "markdown", markdown = new { content = Markdown(ticket, address.ChannelId, masker.MaskPhone(ticket.ContactPhone)) } });
        _ = Task.Run(() => PostAsync(url, body, ticket.Number), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>The message: number, category, company, summary and the masked phone; everything else is in the console.</summary>
    public static string Markdown(Ticket ticket, string channelId, string maskedPhone)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**新工单 {ticket.Number}**\n");
        text.Append(CultureInfo.InvariantCulture, $"> 类别：<font color=\"warning\">{Plain(ticket.FailureCategory)}</font>\n");
        if (ticket.CompanyName.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"> 企业：{Plain(ticket.CompanyName)}\n");
        }

        if (ticket.FailureDescription.Length > 0 && ticket.FailureDescription != ticket.FailureCategory)
        {
            text.Append(CultureInfo.InvariantCulture, $"> 问题：{Plain(ticket.FailureDescription)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"> 渠道：{ConsoleTicketViews.ChannelText(channelId)}\n");
        text.Append(CultureInfo.InvariantCulture, $"> 联系电话：{maskedPhone}\n");
        text.Append(CultureInfo.InvariantCulture, $"> 时间：{ChinaTime.ToChina(ticket.CreatedAt):yyyy-MM-dd HH:mm}\n");
        text.Append("请到客服工作台 /console 处理。");
        return text.ToString();
    }

    private async Task PostAsync(string url, string body, string number)
    {
        try
        {
            using var timeout = new CancellationTokenSource(options.Value.NotifyTimeout);
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await httpClientFactory.CreateClient(HttpClientName).PostAsync(url, content, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Ticket {TicketNumber}: the notification webhook answered {StatusCode}", number, (int)response.StatusCode);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            logger.LogWarning("Ticket {TicketNumber}: the notification webhook failed: {Error}", number, ex.GetType().Name);
        }
    }

    // Markdown of the group robot: a line break or a < in a stranger's text must not change the message's layout.
    private static string Plain(string text) => text.Replace('\n', ' ').Replace('\r', ' ').Replace("<", "＜", StringComparison.Ordinal);
}
