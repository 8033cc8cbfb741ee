using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;
using WeComHelpBot.Storage.Postgres;

namespace WeComHelpBot.Server.Desk;

/// <summary>
/// The console's session cookie keys (ASP.NET Core Data Protection) in the <c>desk_session_keys</c> table when storage is
/// PostgreSQL, so a session signed in on one server process is valid on every other behind the same proxy. Like the
/// key files they replace, the keys are stored as they are: whoever can read the database can read them.
/// </summary>
public sealed class PostgresSessionKeyRepository(PostgresDatabase database) : IXmlRepository
{
    // Data Protection calls these synchronously, rarely (at start and when a key is made, every 90 days).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        using var command = new NpgsqlCommand("SELECT xml FROM desk_session_keys ORDER BY name", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        using var command = new NpgsqlCommand(
            "INSERT INTO desk_session_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO NOTHING",
            connection);
        command.Parameters.AddWithValue("name", string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
