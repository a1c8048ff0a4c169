using Workflow.Engine.Model;
using Workflow.Engine.State;
using Workflow.Engine.Timing;

namespace Workflow.Engine.Migration;

/// <summary>Carries the waits of a migrated instance over to the target definition, keeping their ids.</summary>
internal sealed class WaitMigration(
    InstanceState state, ProcessDefinition source, ProcessDefinition target, Func<string, string> map, List<Effect> effects, DateTimeOffset now)
{
    public void Migrate(Wait wait)
    {
        var from = source.Node(wait.ElementId);
        var to = target.Node(map(wait.ElementId));
        if (to is null || from is null || !StillApplies(from, to))
        {
            // A boundary timer the new version dropped, moved or changed no longer applies.
            state.Waits.Remove(wait);
            effects.Add(new WaitCancelled(wait.Id, wait.Kind, wait.ElementId));
            return;
        }
        wait.ElementId = to.Id;
        if (wait.Kind == WaitKind.UserTask && to.UserTask is { } task)
            wait.FormKey = task.FormKey;
        if (wait.Kind == WaitKind.Message && to.Message is { } message && message.EventType != wait.EventType)
        {
            effects.Add(new WaitCancelled(wait.Id, wait.Kind, wait.ElementId));
            wait.EventType = message.EventType;
            effects.Add(new MessageSubscribed(wait.Id, wait.ElementId, message.EventType, wait.CorrelationKey));
        }
    }

    /// <summary>
    /// Timer boundaries that the target adds to an activity already waiting start counting now,
    /// as they would have had the activity been entered at migration.
    /// </summary>
    public void ScheduleNewBoundaryTimers()
    {
        foreach (var token in state.Tokens.Where(t => t.Status == TokenStatus.Waiting))
        {
            foreach (var boundary in target.BoundariesOf(token.ElementId).Where(b => b.Event == EventKind.Timer && b.Timer is not null))
            {
                if (state.Waits.Any(w => w.TokenId == token.Id && w.ElementId == boundary.Id))
                    continue;
                // An expression timer needs the engine's evaluator; a literal one can be worked out here.
                if (TimerSchedule.Check(boundary.Timer!) is not null || boundary.Timer!.Value.StartsWith('='))
                    continue;
                if (TimerSchedule.FirstDue(boundary.Timer, now) is not { } due)
                    continue;
                var wait = new Wait
                {
                    Id = Guid.NewGuid(), Kind = WaitKind.Timer, TokenId = token.Id, ElementId = boundary.Id, CreatedAt = now,
                    DueAt = due, RepetitionsLeft = TimerSchedule.RepetitionsAfterFirst(boundary.Timer),
                    Cycle = boundary.Timer.Kind == TimerKind.Cycle ? boundary.Timer.Value : null,
                };
                state.Waits.Add(wait);
                effects.Add(new TimerScheduled(wait.Id, boundary.Id, due));
            }
        }
    }

    private bool StillApplies(FlowNode from, FlowNode to)
    {
        if (from.Kind != ElementKind.BoundaryEvent)
            return true;
        return to.Kind == ElementKind.BoundaryEvent && to.Event == from.Event && from.AttachedToRef is not null
            && to.AttachedToRef == map(from.AttachedToRef);
    }
}
