using System.Text.Json;
using WeComHelpBot.Tickets;

namespace WeComHelpBot.LocalAccess;

/// <summary>The routes and JSON of the server's local support endpoint, shared by the server and `wecomhelp`.</summary>
public static class LocalSupportApi
{
    public const string Prefix = "/local/support";

    /// <summary>GET: which database file the server holds ({"databaseFile"}), so a client checks it reached the right one.</summary>
    public const string Info = Prefix;

    /// <summary>GET ?status=open|closed; GET /{number}; POST /{number}/close.</summary>
    public const string Tickets = Prefix + "/tickets";

    /// <summary>GET ?from=&amp;to= (ISO 8601): analytics events, the input of stats and kb gaps.</summary>
    public const string Events = Prefix + "/events";

    /// <summary>GET: the console accounts; POST {"name","role","password"}: add one (400 {"error"} when it cannot); POST /{name}/disable.</summary>
    public const string Accounts = Prefix + "/accounts";

    /// <summary>Tickets as they are stored and exported; events the same way (enum names, Chinese kept readable).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = TicketService.CreateJsonOptions();
}
