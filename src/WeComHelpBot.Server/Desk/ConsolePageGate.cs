using Microsoft.AspNetCore.Authentication;

namespace WeComHelpBot.Server.Desk;

/// <summary>
/// Static pages under /console need a session: without one a page request is sent to the sign-in page; the lead's
/// pages send an agent back to the inbox. The sign-in page and the shared style and script load without a session.
/// </summary>
public static class ConsolePageGate
{
    private static readonly HashSet<string> Open = new(StringComparer.OrdinalIgnoreCase)
    {
        "/console/login.html", "/console/console.css", "/console/login.js",
    };

    private static readonly HashSet<string> LeadOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        "/console/dashboard.html", "/console/dashboard.js", "/console/gaps.html", "/console/gaps.js", "/console/lib/chart.umd.js",
    };

    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/console") || path.StartsWithSegments(ConsoleAuthentication.ApiPrefix) || Open.Contains(path.Value!))
        {
            await next();
            return;
        }

        var result = await context.AuthenticateAsync(ConsoleAuthentication.Scheme);
        if (!result.Succeeded)
        {
            context.Response.Redirect(ConsoleAuthentication.LoginPage);
            return;
        }

        if (LeadOnly.Contains(path.Value!) && !result.Principal.IsInRole(nameof(WeComHelpBot.Desk.DeskRole.Lead)))
        {
            context.Response.Redirect("/console/");
            return;
        }

        await next();
    }
}
