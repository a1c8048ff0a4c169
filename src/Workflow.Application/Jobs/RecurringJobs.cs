using System.Linq.Expressions;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Workflow.Application.Calendars;
using Workflow.Application.Notifications;
using Workflow.Application.Workflows;

namespace Workflow.Application.Jobs;

/// <summary>
/// The periodic jobs, registered (or updated) by every node that starts a job server: Hangfire runs each
/// occurrence once across the nodes. Each schedule is a cron expression, in UTC, under Jobs:Cron (six fields
/// give seconds). Ids are stable, so a changed schedule replaces the old one.
/// </summary>
public static class RecurringJobs
{
    public static void Register(IRecurringJobManager recurring, IConfiguration configuration)
    {
        Add<WorkflowSweepJob>(recurring, configuration, "workflow-sweep", "WorkflowSweep", Cron.Minutely(), job => job.Run(CancellationToken.None));
        Add<EmailSweepJob>(recurring, configuration, "email-sweep", "EmailSweep", Cron.Minutely(), job => job.Run(CancellationToken.None));
        Add<ReminderJob>(recurring, configuration, "reminders", "Reminders", "*/5 * * * *", job => job.Run(CancellationToken.None));
        Add<CalendarFeedJobs>(recurring, configuration, "calendar-feeds", "CalendarFeeds", "*/15 * * * *", job => job.QueueStale(CancellationToken.None));
    }

    private static void Add<TJob>(IRecurringJobManager recurring, IConfiguration configuration, string id, string setting, string cron,
        Expression<Func<TJob, Task>> job) =>
        recurring.AddOrUpdate(id, job, configuration[$"Jobs:Cron:{setting}"] ?? cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
}

/// <summary>Every minute (Jobs:Cron:EmailSweep): sends the e-mails that are due and were left pending (a job lost in a crash).</summary>
public sealed class EmailSweepJob(EmailDispatcher dispatcher)
{
    [JobDisplayName("E-mail sweep")]
    [AutomaticRetry(Attempts = 0)]
    public Task Run(CancellationToken ct) => dispatcher.DeliverDue(50, ct);
}

/// <summary>Every five minutes (Jobs:Cron:Reminders): reminds of the appointments that start soon.</summary>
public sealed class ReminderJob(MediatR.IMediator mediator)
{
    [JobDisplayName("Reminders")]
    [AutomaticRetry(Attempts = 0)]
    public Task Run(CancellationToken ct) => mediator.Send(new SendDueReminders.Command(), ct);
}
