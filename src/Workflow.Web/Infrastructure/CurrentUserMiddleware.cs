using System.Security.Claims;
using Workflow.Application.Common;

namespace Workflow.Web.Infrastructure;

internal static class CurrentUserMiddleware
{
    /// <summary>Copies the authenticated principal into the scope's <see cref="CurrentUser"/>, which the handlers read.</summary>
    public static IApplicationBuilder UseCurrentUser(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            context.RequestServices.GetRequiredService<CurrentUser>()
                .Set(id, context.User.FindAll(ClaimTypes.Role).Select(c => c.Value));
        }
        await next(context);
    });
}
