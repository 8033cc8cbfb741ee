using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace WeComHelpBot.Server.Tests.Support;

/// <summary>
/// Lets a test speak from any client address: the in-memory TestServer has none, and a real socket on this machine can
/// only come from loopback. A request's <see cref="Header"/>, else the filter's fixed address, becomes its remote
/// address before the server's own middleware runs.
/// </summary>
public sealed class ClientAddressStartupFilter(IPAddress? address = null) : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var given))
            {
                context.Connection.RemoteIpAddress = given;
            }
            else if (address is not null)
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
