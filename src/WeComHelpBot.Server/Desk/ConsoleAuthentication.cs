using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using WeComHelpBot.Desk;

namespace WeComHelpBot.Server.Desk;

/// <summary>The console's cookie session: names, the lead policy, and what an unauthenticated request gets.</summary>
public static class ConsoleAuthentication
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string LeadPolicy = "console-lead";
    public const string CookieName = "whb_console";
    public const string AntiforgeryCookieName = "whb_csrf";
    public const string AntiforgeryHeaderName = "X-CSRF-TOKEN";
    public const string LoginPage = "/console/login.html";
    public const string ApiPrefix = "/console/api";

    public static ClaimsPrincipal PrincipalFor(DeskAccount account) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, account.Name), new Claim(ClaimTypes.Role, account.Role.ToString())],
        Scheme));

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.Path = "/console";
        options.ExpireTimeSpan = TimeSpan.FromHours(10);
        options.SlidingExpiration = true;
        options.LoginPath = LoginPage;
        options.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);

        // A disabled account's sessions stop at their next request, not when the cookie expires.
        options.Events.OnValidatePrincipal = async context =>
        {
            var name = context.Principal?.Identity?.Name;
            var accounts = context.HttpContext.RequestServices.GetRequiredService<DeskAccounts>();
            if (name is null || await accounts.FindAsync(name, context.HttpContext.RequestAborted) is not { Disabled: false } account
                || account.Role.ToString() != context.Principal!.FindFirstValue(ClaimTypes.Role))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(Scheme);
            }
        };
    }

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments(ApiPrefix))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(status == StatusCodes.Status401Unauthorized ? LoginPage : "/console/");
        }

        return Task.CompletedTask;
    }
}
