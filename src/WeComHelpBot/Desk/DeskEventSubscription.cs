using System.Threading.Channels;

namespace WeComHelpBot.Desk;

public sealed class DeskEventSubscription(ChannelReader<DeskEvent> reader, Action unsubscribe) : IDisposable
{
    public ChannelReader<DeskEvent> Reader { get; } = reader;

    public void Dispose() => unsubscribe();
}
