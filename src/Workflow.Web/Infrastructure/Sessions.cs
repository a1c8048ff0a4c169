using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Workflow.Application.Users;

namespace Workflow.Web.Infrastructure;

/// <summary>
/// Sessions that can end: every token and cookie carries the user's security stamp, checked on each
/// request, so signing out (which renews the stamp), a password change and a role change revoke them at
/// once. Sign-in is rate-limited per client address and an account locks after repeated failures.
/// </summary>
internal static class Sessions
{
    public const string LoginLimit = "login";

    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        // RFC 7235: the scheme is case-insensitive; the bearer handler only knows "Bearer ".
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.Events.OnMessageReceived = context =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (header.Length > 7 && header.StartsWith("bearer ", StringComparison.OrdinalIgnoreCase))
                context.Token = header[7..].Trim();
            return Task.CompletedTask;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginLimit, context =>
            {
                var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = configuration.GetValue("Auth:LoginRateLimit:PermitLimit", 10),
                    Window = TimeSpan.FromSeconds(configuration.GetValue("Auth:LoginRateLimit:WindowSeconds", 60)),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var problem = new ProblemDetails
                {
                    Status = 429, Title = "Too many sign-in attempts",
                    Detail = $"Too many sign-in attempts from this address: try again in {retryAfter} seconds.",
                    Extensions = { ["reason"] = "rate-limited" },
                };
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext, ProblemDetails = problem });
            };
        });
        return services;
    }

    /// <summary>
    /// After authentication: a principal whose security stamp is no longer the user's (signed out, password or
    /// roles changed, user gone) is treated as anonymous, whether it came from a bearer token or a cookie.
    /// </summary>
    public static IApplicationBuilder UseSessionRevocation(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var signIn = context.RequestServices.GetRequiredService<SignInManager<AppUser>>();
            if (await signIn.ValidateSecurityStampAsync(context.User) is null)
                context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        }
        await next(context);
    });
}
