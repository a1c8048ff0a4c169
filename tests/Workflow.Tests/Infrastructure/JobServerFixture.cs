using Microsoft.AspNetCore.Hosting;

namespace Workflow.Tests.Infrastructure;

/// <summary>
/// The application with its Hangfire job server on, on its own database. The recurring jobs are registered but
/// never due (Cron.Never), so only the jobs a test makes run; Hangfire works on the real clock, so a test that
/// lets it fire a timer sets the application's clock to the real one first.
/// </summary>
public class JobServerFixture : AppFixture
{
    public const string Never = "0 0 31 2 *";

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Jobs:Server", "true");
        web.UseSetting("Jobs:Cron:WorkflowSweep", Never);
        web.UseSetting("Jobs:Cron:EmailSweep", Never);
        web.UseSetting("Jobs:Cron:Reminders", Never);
        web.UseSetting("Jobs:Cron:CalendarFeeds", Never);
    }
}
