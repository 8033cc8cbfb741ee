namespace WeComHelpBot.Bench;

/// <summary>A way into the server (Bot Framework /api/messages, the WeCom callback) as the load benchmarks drive it.</summary>
public interface IBenchChannel
{
    /// <summary>The channel id the server stores state under.</summary>
    string ChannelId { get; }

    /// <summary>The conversation id the server gives a conversation the benchmark calls <paramref name="name"/>.</summary>
    string ConversationId(string name);

    /// <summary>Sends one user message; null when the server answered with a text reply, else what was wrong.</summary>
    Task<string?> SendAsync(string name, string text, CancellationToken cancellationToken);
}
