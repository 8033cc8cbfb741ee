using System.Text.Json;
using System.Threading.Channels;
using Npgsql;
using WeComHelpBot.Desk;
using WeComHelpBot.Storage;
using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Server.Desk;

/// <summary>
/// With PostgreSQL, passes desk events between server processes (NOTIFY / LISTEN on one channel), so a console open on
/// one process hears of a ticket created or a user writing on another. Each process tags what it sends and ignores its
/// own. Best effort, like the events themselves: while the database is unreachable, events from elsewhere are missed
/// (the console still shows everything when it next loads) and the listener reconnects.
/// </summary>
public sealed class PostgresDeskEventRelay(IServiceProvider services, DeskEventHub hub, ILogger<PostgresDeskEventRelay> logger) : BackgroundService
{
    public const string ChannelName = "wecomhelp_desk_events";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly string origin = Guid.NewGuid().ToString("N");
    private readonly Channel<DeskEvent> outgoing = Channel.CreateBounded<DeskEvent>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!StorageServiceCollectionExtensions.UsesPostgres(services))
        {
            return;
        }

        var database = services.GetRequiredService<PostgresDatabase>();
        hub.Published += Forward;
        try
        {
            await Task.WhenAll(ListenAsync(database, stoppingToken), SendAsync(database, stoppingToken));
        }
        finally
        {
            hub.Published -= Forward;
        }
    }

    // Raised inside a turn or a console call: only queued here, sent by SendAsync.
    private void Forward(DeskEvent deskEvent) => outgoing.Writer.TryWrite(deskEvent);

    private async Task ListenAsync(PostgresDatabase database, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenAsync(cancellationToken);
                connection.Notification += (_, notification) =>
                {
                    if (Read(notification.Payload) is { } deskEvent)
                    {
                        hub.Deliver(deskEvent);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
            {
                logger.LogWarning("Desk events from other server processes are interrupted ({ExceptionType}); reconnecting", ex.GetType().Name);
                try
                {
                    await Task.Delay(RetryDelay, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task SendAsync(PostgresDatabase database, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var deskEvent in outgoing.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    await using var connection = await database.OpenAsync(cancellationToken);
                    await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                    notify.Parameters.AddWithValue("channel", ChannelName);
                    notify.Parameters.AddWithValue("payload", JsonSerializer.Serialize(new Payload(origin, deskEvent.Kind, deskEvent.TicketNumber)));
                    await notify.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
                {
                    logger.LogWarning("A desk event could not be passed to the other server processes ({ExceptionType})", ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private DeskEvent? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<Payload>(payload) is { } read && read.Origin != origin && read.Kind is { Length: > 0 } && read.Ticket is { Length: > 0 }
                ? new DeskEvent(read.Kind, read.Ticket)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Payload(string Origin, string Kind, string Ticket);
}
