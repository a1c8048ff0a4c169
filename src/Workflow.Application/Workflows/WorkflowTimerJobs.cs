using MediatR;
using Quartz;
using Workflow.Application.Jobs;

namespace Workflow.Application.Workflows;

/// <summary>One-shot Quartz trigger per timer wait, named after the wait, in the clustered job store.</summary>
public sealed class WorkflowTimerScheduler(QuartzHostedService? quartz)
{
    public static readonly JobKey JobKey = new(nameof(WorkflowTimerJob), "workflow");

    public async Task Schedule(Guid instanceId, Guid waitId, DateTimeOffset dueAt, CancellationToken ct)
    {
        if (quartz?.Scheduler is not { } scheduler)
            return;
        var trigger = TriggerBuilder.Create().WithIdentity(waitId.ToString(), "workflow-timers").ForJob(JobKey)
            .UsingJobData("instanceId", instanceId.ToString()).UsingJobData("waitId", waitId.ToString())
            .StartAt(dueAt).WithSimpleSchedule(s => s.WithMisfireHandlingInstructionFireNow()).Build();
        if (await scheduler.CheckExists(trigger.Key, ct))
            await scheduler.RescheduleJob(trigger.Key, trigger, ct);
        else
            await scheduler.ScheduleJob(trigger, ct);
    }

    public async Task ScheduleStart(ITrigger trigger, CancellationToken ct)
    {
        if (quartz?.Scheduler is not { } scheduler)
            return;
        if (await scheduler.CheckExists(trigger.Key, ct))
            await scheduler.RescheduleJob(trigger.Key, trigger, ct);
        else
            await scheduler.ScheduleJob(trigger, ct);
    }

    /// <summary>Whether the trigger exists; true when there is no scheduler (nothing to restore then).</summary>
    public async Task<bool> StartExists(TriggerKey key, CancellationToken ct) =>
        quartz?.Scheduler is not { } scheduler || await scheduler.CheckExists(key, ct);

    public async Task UnscheduleStart(TriggerKey key, CancellationToken ct)
    {
        if (quartz?.Scheduler is { } scheduler)
            await scheduler.UnscheduleJob(key, ct);
    }

    /// <summary>Removes the triggers of a version's timer start events.</summary>
    public async Task UnscheduleStarts(Guid definitionId, CancellationToken ct)
    {
        if (quartz?.Scheduler is not { } scheduler)
            return;
        var keys = await scheduler.GetTriggerKeys(Quartz.Impl.Matchers.GroupMatcher<TriggerKey>.GroupEquals(WorkflowTimerStarts.Group), ct);
        var mine = keys.Where(k => k.Name.StartsWith($"{definitionId}/", StringComparison.Ordinal)).ToList();
        if (mine.Count > 0)
            await scheduler.UnscheduleJobs(mine, ct);
    }

    public async Task Unschedule(Guid waitId, CancellationToken ct)
    {
        if (quartz?.Scheduler is { } scheduler)
            await scheduler.UnscheduleJob(new TriggerKey(waitId.ToString(), "workflow-timers"), ct);
    }
}

/// <summary>After commit: the trigger follows the timer rows the transaction wrote.</summary>
internal sealed class WorkflowTimerTriggers(WorkflowTimerScheduler scheduler, CrashSwitch crash) :
    INotificationHandler<WorkflowTimerSet>, INotificationHandler<WorkflowTimerCleared>
{
    public Task Handle(WorkflowTimerSet notification, CancellationToken ct)
    {
        crash.At("before-timer-trigger");
        return scheduler.Schedule(notification.InstanceId, notification.WaitId, notification.DueAt, ct);
    }

    public Task Handle(WorkflowTimerCleared notification, CancellationToken ct) => scheduler.Unschedule(notification.WaitId, ct);
}

public sealed class WorkflowTimerJob(IMediator mediator, WorkflowTimerScheduler scheduler) : IJob
{
    public Task Execute(IJobExecutionContext context)
    {
        var data = context.MergedJobDataMap;
        if (data.ContainsKey(WorkflowTimerStarts.DefinitionIdKey))
            return WorkflowTimerStarts.Fire(mediator, scheduler, data, context.CancellationToken);
        return mediator.Send(new FireTimer.Command(Guid.Parse(data.GetString("instanceId")!), Guid.Parse(data.GetString("waitId")!)), context.CancellationToken);
    }
}

/// <summary>Fires what is due and has no trigger any more (one lost between commit and scheduling, in a crash).</summary>
[DisallowConcurrentExecution]
public sealed class WorkflowTimerSweepJob(IMediator mediator) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        await mediator.Send(new FireDueTimers.Command(), context.CancellationToken);
        await mediator.Send(new RestoreTimerStartTriggers.Command(), context.CancellationToken);
    }
}
