using Hangfire;
using Hangfire.Dashboard;
using Workflow.Application.Common;

namespace Workflow.Web.Infrastructure;

/// <summary>
/// Hangfire's dashboard at /jobs: the jobs, their retries with the last error, the recurring jobs and the servers.
/// Administrators only: the caller signs in as for the API (the web application's cookie in a browser, or a bearer
/// token), after the session checks; anyone else gets 403, an anonymous caller 401.
/// </summary>
internal static class JobDashboard
{
    public const string Path = "/jobs";

    public static IApplicationBuilder UseJobDashboard(this IApplicationBuilder app) =>
        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new AdminsOnly()],
            DashboardTitle = "Workflow jobs",
            AppPath = "/app/",
            // The footer would show the database's address.
            DisplayStorageConnectionString = false,
        });

    private sealed class AdminsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
    }
}
