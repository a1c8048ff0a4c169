using Microsoft.AspNetCore.Hosting;

namespace Workflow.Tests.Infrastructure;

/// <summary>
/// The application with Quartz on, under a scheduler name of its own (Quartz keeps one scheduler
/// per name in the process, bound to the first fixture's database). The periodic jobs first run an
/// hour after start-up, then every hour, so only the triggers a test makes fire.
/// </summary>
public abstract class QuartzOnFixture(string schedulerName) : AppFixture
{
    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Quartz:Enabled", "true");
        web.UseSetting("Quartz:SchedulerName", schedulerName);
        web.UseSetting("Quartz:WorkflowSweepEverySeconds", "3600");
        web.UseSetting("Quartz:RemindersEverySeconds", "3600");
        web.UseSetting("Quartz:FeedsEverySeconds", "3600");
        web.UseSetting("Quartz:PeriodicJobsFirstRunAfterSeconds", "3600");
    }
}
