using System.Text.Json;
using System.Globalization;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Quartz.Impl.Matchers;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Engine.Model;
using Workflow.Engine.State;
using Workflow.Engine.Timing;

namespace Workflow.Application.Workflows;

/// <summary>
/// Timer start events of the published versions: one Quartz trigger per timer start event, named
/// "{definitionId}/{startEventId}" in the group workflow-timer-starts. A date or a duration (from
/// publication) fires once; a cycle fires at its next occurrence and the job schedules the one after,
/// counting down the repetitions left, so a cycle in months or days follows the calendar.
/// </summary>
public static class WorkflowTimerStarts
{
    public const string Group = "workflow-timer-starts";
    public const string DefinitionIdKey = "definitionId";
    public const string StartEventIdKey = "startEventId";
    public const string CycleKey = "cycle";
    public const string DueKey = "due";
    public const string RemainingKey = "remaining";

    public static TriggerKey KeyOf(Guid definitionId, string startEventId) => new($"{definitionId}/{startEventId}", Group);

    /// <summary>The first occurrence after <paramref name="now"/>, and how many more follow it (null: forever); null if it never fires.</summary>
    public static (DateTimeOffset Due, int? Remaining)? FirstOccurrence(TimerSpec timer, DateTimeOffset now)
    {
        if (timer.Kind == TimerKind.Date)
            return Iso8601.TryParseDate(timer.Value, out var date) && date > now ? (date, 0) : null;
        if (timer.Kind == TimerKind.Duration)
            return Iso8601.TryParseDuration(timer.Value, out var duration) ? (duration.AddTo(now), 0) : null;
        if (!Iso8601.TryParseCycle(timer.Value, out var cycle) || cycle.Repetitions == 0)
            return null;
        if (cycle.Start is not { } due)
            return (cycle.Interval.AddTo(now), cycle.Repetitions - 1);
        // Anchored in the past: the occurrences gone by are counted, as a calendar would.
        for (var occurrence = 0; occurrence < 100_000; occurrence++)
        {
            if (cycle.Repetitions is { } limit && occurrence >= limit)
                return null;
            if (due > now)
                return (due, cycle.Repetitions - occurrence - 1);
            due = cycle.Interval.AddTo(due);
        }
        return null;
    }

    public static ITrigger Trigger(Guid definitionId, string startEventId, string? cycle, DateTimeOffset due, int? remaining) =>
        TriggerBuilder.Create().WithIdentity(KeyOf(definitionId, startEventId)).ForJob(WorkflowTimerScheduler.JobKey)
            .UsingJobData(DefinitionIdKey, definitionId.ToString()).UsingJobData(StartEventIdKey, startEventId)
            .UsingJobData(CycleKey, cycle ?? "").UsingJobData(DueKey, due.ToString("O", CultureInfo.InvariantCulture))
            .UsingJobData(RemainingKey, remaining?.ToString(CultureInfo.InvariantCulture) ?? "")
            .StartAt(due).WithSimpleSchedule(s => s.WithMisfireHandlingInstructionFireNow()).Build();

    /// <summary>
    /// What the job does when a timer start trigger fires: starts an instance of the version (if it is
    /// still published) in the command's own transaction, then schedules a cycle's next occurrence.
    /// </summary>
    public static async Task Fire(IMediator mediator, WorkflowTimerScheduler scheduler, JobDataMap data, CancellationToken ct)
    {
        var definitionId = Guid.Parse(data.GetString(DefinitionIdKey)!);
        var startEventId = data.GetString(StartEventIdKey)!;
        var published = true;
        try
        {
            published = (await mediator.Send(new StartInstanceByTimer.Command(definitionId, startEventId), ct)).Published;
        }
        finally
        {
            // A failed start does not end the cycle; an unpublished version does.
            var cycle = data.GetString(CycleKey);
            var remainingText = data.GetString(RemainingKey);
            int? remaining = string.IsNullOrEmpty(remainingText) ? null : int.Parse(remainingText, CultureInfo.InvariantCulture);
            if (published && !string.IsNullOrEmpty(cycle) && remaining is null or > 0
                && TimerSchedule.NextCycleDue(new TimerSpec(TimerKind.Cycle, cycle), DateTimeOffset.Parse(data.GetString(DueKey)!, CultureInfo.InvariantCulture)) is { } next)
                await scheduler.ScheduleStart(Trigger(definitionId, startEventId, cycle, next, remaining - 1), ct);
            else
                // The last occurrence (Quartz would drop a spent one-shot trigger anyway; this also holds when it is fired by other means).
                await scheduler.UnscheduleStart(KeyOf(definitionId, startEventId), ct);
        }
    }
}

public static class RestoreTimerStartTriggers
{
    /// <summary>
    /// The sweep's half for timer start events: a published version's timer start whose trigger is missing
    /// (lost between the publication's commit and its scheduling, in a crash) gets it back, worked out from
    /// the publication and the instances already started at that event; an existing trigger is left alone.
    /// Returns how many triggers were recreated.
    /// </summary>
    public sealed record Command : IRequest<int>;

    internal sealed class Handler(AppDbContext db, DefinitionCache definitions, WorkflowTimerScheduler scheduler) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            var published = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Status == DefinitionStatus.Published && d.PublishedAt != null).ToListAsync(ct);
            var restored = 0;
            foreach (var definition in published)
            {
                var process = await definitions.Get(db, definition.Id, ct);
                var starts = process.TimerStarts.ToList();
                if (starts.Count == 0)
                    continue;
                foreach (var start in starts)
                {
                    var key = WorkflowTimerStarts.KeyOf(definition.Id, start.Id);
                    if (await scheduler.StartExists(key, ct))
                        continue;
                    // The instances of this version that started at this event, as their journals say.
                    var startedHere = JsonSerializer.Serialize(new[] { new { kind = "instance-started", elementId = start.Id } });
                    var fired = await db.WorkflowJournal.CountAsync(j => j.Seq == 0 && EF.Functions.JsonContains(j.Entries, startedHere)
                        && db.WorkflowInstances.Any(i => i.Id == j.InstanceId && i.DefinitionId == definition.Id && i.DossierId == null), ct);
                    if (Next(start.Timer!, definition.PublishedAt!.Value, fired) is not { } next)
                        continue;
                    await scheduler.ScheduleStart(WorkflowTimerStarts.Trigger(definition.Id, start.Id,
                        start.Timer!.Kind == TimerKind.Cycle ? start.Timer.Value : null, next.Due, next.Remaining), ct);
                    restored++;
                }
            }
            return restored;
        }

        /// <summary>The occurrence after the <paramref name="fired"/> already gone, counted from the publication, as publishing scheduled them (a past one fires at once).</summary>
        private static (DateTimeOffset Due, int? Remaining)? Next(TimerSpec timer, DateTimeOffset publishedAt, int fired)
        {
            if (WorkflowTimerStarts.FirstOccurrence(timer, publishedAt) is not { } first)
                return null;
            var (due, remaining) = first;
            for (var i = 0; i < fired; i++)
            {
                if (timer.Kind != TimerKind.Cycle || remaining is <= 0 || TimerSchedule.NextCycleDue(timer, due) is not { } next)
                    return null;
                (due, remaining) = (next, remaining - 1);
            }
            return (due, remaining);
        }
    }

}

public static class StartInstanceByTimer
{
    public sealed record Result(bool Published, Guid? InstanceId);

    /// <summary>A timer start event fired: an instance of that version, with no dossier, starts at it, if the version is still the published one.</summary>
    public sealed record Command(Guid DefinitionId, string StartEventId) : ICommand<Result>;

    internal sealed class Handler(AppDbContext db, WorkflowRuntime runtime, CurrentUser user) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken ct)
        {
            var definition = await db.WorkflowDefinitions.SingleOrDefaultAsync(d => d.Id == command.DefinitionId, ct);
            if (definition is not { Status: DefinitionStatus.Published })
                return new Result(false, null);
            if (!user.IsAuthenticated)
                user.Set(CommandRunner.SystemUserId, [Roles.Admin]);
            var instance = await runtime.StartAsync(definition, null,
                async (engine, process, caller, id) => await engine.StartAsync(process, new JsonObject(), command.StartEventId, caller, id, ct), ct);
            return new Result(true, instance?.Id);
        }
    }
}

/// <summary>After commit: a published version's timer start events get their triggers; an unpublished one loses them.</summary>
internal sealed class WorkflowTimerStartTriggers(AppDbContext db, DefinitionCache definitions, WorkflowTimerScheduler scheduler) :
    INotificationHandler<WorkflowDefinitionPublished>, INotificationHandler<WorkflowDefinitionUnpublished>
{
    public async Task Handle(WorkflowDefinitionPublished notification, CancellationToken ct)
    {
        var process = await definitions.Get(db, notification.DefinitionId, ct);
        foreach (var start in process.TimerStarts)
            if (WorkflowTimerStarts.FirstOccurrence(start.Timer!, notification.OccurredAt) is { } first)
                await scheduler.ScheduleStart(WorkflowTimerStarts.Trigger(notification.DefinitionId, start.Id,
                    start.Timer!.Kind == TimerKind.Cycle ? start.Timer.Value : null, first.Due, first.Remaining), ct);
    }

    public Task Handle(WorkflowDefinitionUnpublished notification, CancellationToken ct) => scheduler.UnscheduleStarts(notification.DefinitionId, ct);
}
