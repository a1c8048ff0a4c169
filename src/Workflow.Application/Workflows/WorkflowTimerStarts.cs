using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Engine.Model;
using Workflow.Engine.State;
using Workflow.Engine.Timing;

namespace Workflow.Application.Workflows;

/// <summary>
/// Timer start events of the published versions: one <see cref="WorkflowTimerStart"/> row per event, holding its
/// next occurrence. A date or a duration (from publication) fires once; a cycle fires at its next occurrence and
/// then waits for the one after, counting down the repetitions left, so a cycle in months or days follows the calendar.
/// </summary>
public static class WorkflowTimerStarts
{
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

    /// <summary>The occurrence after the one due at <paramref name="due"/>, with <paramref name="remaining"/> left after that one; null when the timer is spent.</summary>
    public static (DateTimeOffset Due, int? Remaining)? NextOccurrence(TimerSpec timer, DateTimeOffset due, int? remaining) =>
        timer.Kind == TimerKind.Cycle && remaining is null or > 0 && TimerSchedule.NextCycleDue(timer, due) is { } next
            ? (next, remaining - 1)
            : null;
}

/// <summary>In the publication's transaction: a published version's timer start events get their first occurrence, an unpublished version's go.</summary>
internal sealed class WorkflowTimerStartRows(AppDbContext db, DefinitionCache definitions) : IBeforeCommitHandler
{
    public async Task Handle(IReadOnlyList<IDomainEvent> events, CancellationToken ct)
    {
        foreach (var domainEvent in events)
        {
            if (domainEvent is WorkflowDefinitionPublished published)
            {
                var definition = await db.WorkflowDefinitions.FindAsync([published.DefinitionId], ct)
                                 ?? throw new NotFoundException("Workflow definition", published.DefinitionId);
                foreach (var start in definitions.Get(definition).TimerStarts)
                    if (WorkflowTimerStarts.FirstOccurrence(start.Timer!, published.OccurredAt) is { } first)
                        db.WorkflowTimerStarts.Add(WorkflowTimerStart.Schedule(definition.Id, start.Id, first.Due, first.Remaining, published.OccurredAt));
            }
            else if (domainEvent is WorkflowDefinitionUnpublished unpublished)
            {
                foreach (var timer in await db.WorkflowTimerStarts.Where(t => t.DefinitionId == unpublished.DefinitionId).ToListAsync(ct))
                {
                    timer.Cancel(unpublished.OccurredAt);
                    db.WorkflowTimerStarts.Remove(timer);
                }
            }
        }
    }
}

public static class FireTimerStart
{
    /// <summary>
    /// The occurrence of a timer start event due at <paramref name="DueAt"/> fires: in one transaction, an instance
    /// of the version starts at that event (without a dossier) and the timer moves to its next occurrence, or goes
    /// when spent. The timer's row is locked and the occurrence named by its due time, so a second firing of it (the
    /// job run again after a crash, the sweep at the same moment, another node) finds it gone and does nothing.
    /// </summary>
    public sealed record Command(Guid TimerId, DateTimeOffset DueAt) : ICommand<bool>;

    internal sealed class Handler(AppDbContext db, WorkflowRuntime runtime, DefinitionCache definitions, TimeProvider clock) : MediatR.IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command command, CancellationToken ct)
        {
            var timer = await db.WorkflowTimerStarts.FromSql($"SELECT * FROM workflow_timer_starts WHERE id = {command.TimerId} FOR UPDATE").SingleOrDefaultAsync(ct);
            if (timer is null || timer.DueAt != WorkflowTimerStart.Stored(command.DueAt))
                return false;
            var now = clock.GetUtcNow();
            var definition = await db.WorkflowDefinitions.SingleAsync(d => d.Id == timer.DefinitionId, ct);
            var start = definitions.Get(definition).TimerStarts.FirstOrDefault(s => s.Id == timer.StartEventId);
            if (definition.Status != DefinitionStatus.Published || start is null)
            {
                // Unpublishing removes the row; one found anyway starts nothing.
                timer.Cancel(now);
                db.WorkflowTimerStarts.Remove(timer);
                return false;
            }
            await runtime.StartAsync(definition, null,
                async (engine, process, caller, id) => await engine.StartAsync(process, new JsonObject(), timer.StartEventId, caller, id, ct), ct);
            if (WorkflowTimerStarts.NextOccurrence(start.Timer!, timer.DueAt, timer.Remaining) is { } next)
                timer.MoveTo(next.Due, next.Remaining, now);
            else
            {
                timer.Cancel(now);
                db.WorkflowTimerStarts.Remove(timer);
            }
            return true;
        }
    }
}

public static class RestoreTimerStarts
{
    /// <summary>
    /// The sweep's half for timer start events: a published version's timer start without its row (a version
    /// published before the rows existed, when Quartz kept triggers instead) gets it back, at the occurrence after
    /// those already started, counted from the publication and the instances' journals; a spent one stays spent.
    /// Returns how many rows were made.
    /// </summary>
    public sealed record Command : ICommand<int>;

    internal sealed class Handler(AppDbContext db, DefinitionCache definitions, TimeProvider clock) : MediatR.IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            var published = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Status == DefinitionStatus.Published && d.PublishedAt != null).ToListAsync(ct);
            var restored = 0;
            foreach (var definition in published)
            {
                var starts = (await definitions.Get(db, definition.Id, ct)).TimerStarts.ToList();
                if (starts.Count == 0)
                    continue;
                var present = await db.WorkflowTimerStarts.Where(t => t.DefinitionId == definition.Id).Select(t => t.StartEventId).ToListAsync(ct);
                foreach (var start in starts.Where(s => !present.Contains(s.Id)))
                {
                    // The instances of this version that started at this event, as their journals say.
                    var startedHere = JsonSerializer.Serialize(new[] { new { kind = "instance-started", elementId = start.Id } });
                    var fired = await db.WorkflowJournal.CountAsync(j => j.Seq == 0 && EF.Functions.JsonContains(j.Entries, startedHere)
                        && db.WorkflowInstances.Any(i => i.Id == j.InstanceId && i.DefinitionId == definition.Id && i.DossierId == null), ct);
                    if (Next(start.Timer!, definition.PublishedAt!.Value, fired) is not { } next)
                        continue;
                    db.WorkflowTimerStarts.Add(WorkflowTimerStart.Schedule(definition.Id, start.Id, next.Due, next.Remaining, clock.GetUtcNow()));
                    restored++;
                }
            }
            return restored;
        }

        /// <summary>The occurrence after the <paramref name="fired"/> already gone, counted from the publication, as publishing counted them (a past one fires at once).</summary>
        private static (DateTimeOffset Due, int? Remaining)? Next(TimerSpec timer, DateTimeOffset publishedAt, int fired)
        {
            var occurrence = WorkflowTimerStarts.FirstOccurrence(timer, publishedAt);
            for (var i = 0; i < fired && occurrence is { } current; i++)
                occurrence = WorkflowTimerStarts.NextOccurrence(timer, current.Due, current.Remaining);
            return occurrence;
        }
    }
}
