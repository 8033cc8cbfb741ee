using Npgsql;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.Storage.Postgres;

/// <summary>
/// Tickets in the <c>tickets</c> table, the same JSON and encrypted contact as in LiteDB. Numbers come from a counter
/// row per China day in <c>ticket_counters</c>, incremented by an upsert in the transaction that inserts the ticket: the
/// row stays locked until that transaction ends, so processes numbering the same day take turns, and a ticket that
/// fails to insert rolls its number back (numbers stay consecutive, unlike a sequence's).
/// </summary>
public sealed class PostgresTicketStore(PostgresDatabase database) : ITicketStore
{
    public async Task<bool> UsesContactKeyAsync(Func<string> fingerprint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var mine = fingerprint();
        await using var connection = await database.OpenAsync(cancellationToken);
        // The first process records its key; the second statement (a snapshot of its own, which sees a key another
        // process recorded meanwhile) reads whichever key won.
        await using (var record = new NpgsqlCommand("INSERT INTO ticket_contact_key (id, fingerprint) VALUES (1, @fingerprint) ON CONFLICT (id) DO NOTHING", connection))
        {
            record.Parameters.AddWithValue("fingerprint", mine);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var read = new NpgsqlCommand("SELECT fingerprint FROM ticket_contact_key WHERE id = 1", connection);
        return (string?)await read.ExecuteScalarAsync(cancellationToken) == mine;
    }

    public async Task<StoredTicket> CreateAsync(string day, Func<string, StoredTicket> create, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(day);
        ArgumentNullException.ThrowIfNull(create);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int next;
        await using (var counter = new NpgsqlCommand(
            """
            INSERT INTO ticket_counters (day, last) VALUES (@day, 1)
            ON CONFLICT (day) DO UPDATE SET last = ticket_counters.last + 1
            RETURNING last
            """,
            connection,
            transaction))
        {
            counter.Parameters.AddWithValue("day", day);
            next = (int)(await counter.ExecuteScalarAsync(cancellationToken))!;
        }

        var created = create(TicketNumber.Format(day, next));
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO tickets (number, status, created_at, contact, json) VALUES (@number, @status, @created, @contact, @json)",
            connection,
            transaction))
        {
            AddColumns(insert, created);
            insert.Parameters.AddWithValue("created", created.Ticket.CreatedAt.UtcDateTime);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    public async Task<StoredTicket?> GetAsync(string number, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT number, contact, json FROM tickets WHERE number = @number", connection);
        command.Parameters.AddWithValue("number", PostgresText.Clean(number) ?? string.Empty);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<StoredTicket>> ListAsync(TicketStatus? status = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT number, contact, json FROM tickets WHERE @status::text IS NULL OR status = @status::text",
            connection);
        command.Parameters.AddWithValue("status", (object?)status?.ToString() ?? DBNull.Value);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<StoredTicket?> UpdateAsync(string number, Func<StoredTicket, StoredTicket> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        StoredTicket? current;
        await using (var select = new NpgsqlCommand("SELECT number, contact, json FROM tickets WHERE number = @number FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue("number", PostgresText.Clean(number) ?? string.Empty);
            current = (await ReadAsync(select, cancellationToken)).SingleOrDefault();
        }

        if (current is null)
        {
            return null;
        }

        var changed = change(current);
        if (!ReferenceEquals(changed, current))
        {
            await using var update = new NpgsqlCommand(
                "UPDATE tickets SET status = @status, contact = @contact, json = @json WHERE number = @number",
                connection,
                transaction);
            AddColumns(update, changed);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    private static void AddColumns(NpgsqlCommand command, StoredTicket stored)
    {
        command.Parameters.AddWithValue("number", stored.Ticket.Number);
        command.Parameters.AddWithValue("status", stored.Ticket.Status.ToString());
        command.Parameters.AddWithValue("contact", (object?)stored.ProtectedContact ?? DBNull.Value);
        command.Parameters.AddWithValue("json", TicketService.ToJson(stored.Ticket));
    }

    private static async Task<IReadOnlyList<StoredTicket>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var tickets = new List<StoredTicket>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var ticket = TicketService.FromJson(reader.GetString(2), reader.GetString(0));
            tickets.Add(new StoredTicket(ticket, reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return tickets;
    }
}
