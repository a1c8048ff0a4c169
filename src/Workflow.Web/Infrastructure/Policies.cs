using Microsoft.AspNetCore.Authorization;
using Workflow.Application.Common;

namespace Workflow.Web.Infrastructure;

/// <summary>Who may call what. Every endpoint names one of these; anything unnamed needs at least a signed-in user.</summary>
public static class Policies
{
    public const string Staff = "staff";
    public const string Planning = "planning";
    public const string Booking = "booking";
    public const string Admin = "admin";
    public const string Design = "design";

    public static void Configure(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Staff, p => p.RequireRole(Roles.All));
        options.AddPolicy(Planning, p => p.RequireRole(Roles.Planner, Roles.Admin));
        options.AddPolicy(Booking, p => p.RequireRole(Roles.Planner, Roles.Admin, Roles.Expert));
        options.AddPolicy(Design, p => p.RequireRole(Roles.Designer, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
    }
}
