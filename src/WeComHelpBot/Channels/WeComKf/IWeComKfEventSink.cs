namespace WeComHelpBot.Channels.WeComKf;

/// <summary>Where the app callback hands a kf_msg_or_event (so the callback does not depend on how 微信客服 is read).</summary>
public interface IWeComKfEventSink
{
    /// <summary>Reads and answers what is new for <paramref name="openKfId"/>, with the event's sync_msg <paramref name="token"/>.</summary>
    Task HandleEventAsync(string? token, string openKfId, CancellationToken cancellationToken = default);
}
