using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace WeComHelpBot.Server.Tests.Support;

/// <summary>
/// Makes every request look as if it came from <paramref name="address"/>: TestServer leaves
/// <see cref="ConnectionInfo.RemoteIpAddress"/> empty, and a real socket on this machine can only come from loopback.
/// </summary>
internal sealed class RemoteAddressStartupFilter(IPAddress address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
