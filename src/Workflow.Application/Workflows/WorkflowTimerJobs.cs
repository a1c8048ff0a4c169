using Hangfire;
using Hangfire.States;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Persistence;

namespace Workflow.Application.Workflows;

/// <summary>
/// After commit: each timer the transaction set (an instance's wait or a timer start event's next occurrence, one
/// path for both) gets a Hangfire job due when it is, and each timer it cleared loses its job if that has not run
/// yet. A crash between the commit and the job loses nothing: the sweep fires what is due.
/// </summary>
internal sealed class WorkflowTimerJobs(IBackgroundJobClient jobs, AppDbContext db, ICrashPoints crash) :
    INotificationHandler<WorkflowTimerSet>, INotificationHandler<WorkflowTimerCleared>
{
    public async Task Handle(WorkflowTimerSet timer, CancellationToken ct)
    {
        crash.Reached(CrashPoint.BeforeTimerJob);
        var jobId = jobs.Schedule<WorkflowTimerJob>(job => job.Fire(timer.TimerId, timer.InstanceId, timer.DueAt, CancellationToken.None), timer.DueAt);
        // Kept on the row so that clearing the timer can delete the job; a row gone meanwhile leaves a job that finds nothing to do.
        if (timer.InstanceId is null)
            await db.WorkflowTimerStarts.Where(t => t.Id == timer.TimerId && t.DueAt == timer.DueAt).ExecuteUpdateAsync(s => s.SetProperty(t => t.JobId, jobId), ct);
        else
            await db.WorkflowTimers.Where(t => t.WaitId == timer.TimerId).ExecuteUpdateAsync(s => s.SetProperty(t => t.JobId, jobId), ct);
    }

    public Task Handle(WorkflowTimerCleared timer, CancellationToken ct)
    {
        // Only a job still waiting for its time: the one running now (the timer that fired) ends as it should, succeeded.
        if (timer.JobId is not null)
            jobs.Delete(timer.JobId, ScheduledState.StateName);
        return Task.CompletedTask;
    }
}

/// <summary>The Hangfire job of every workflow timer and timer start event.</summary>
public sealed class WorkflowTimerJob(IMediator mediator, ICrashPoints crash)
{
    [JobDisplayName("Workflow timer {0}")]
    [AutomaticRetry(Attempts = 5)]
    public async Task Fire(Guid timerId, Guid? instanceId, DateTimeOffset dueAt, CancellationToken ct)
    {
        await mediator.Send(FireTimer.For(timerId, instanceId, dueAt), ct);
        crash.Reached(CrashPoint.AfterTimerFired);
    }
}

/// <summary>
/// Every minute (Jobs:Cron:WorkflowSweep): fires the timers that are due and were not fired (a job lost between a
/// commit and its scheduling), and gives timer start events of published versions the rows they lack.
/// </summary>
public sealed class WorkflowSweepJob(IMediator mediator)
{
    [JobDisplayName("Workflow sweep")]
    [AutomaticRetry(Attempts = 0)]
    public async Task Run(CancellationToken ct)
    {
        await mediator.Send(new RestoreTimerStarts.Command(), ct);
        await mediator.Send(new FireDueTimers.Command(), ct);
    }
}
