using System.Text.Json.Nodes;
using Workflow.Engine.Model;
using Workflow.Engine.State;
using Workflow.Engine.Timing;

namespace Workflow.Engine.Execution;

internal sealed partial class Execution
{
    private void End(Token token, FlowNode node)
    {
        Journal(JournalKind.Left, node.Id);
        RemoveToken(token);
        switch (node.Event)
        {
            case EventKind.Terminate:
                Terminate(token.ScopeId, node);
                break;
            case EventKind.Error:
                var code = node.Error?.ErrorCode ?? node.Error?.Name ?? node.Id;
                if (!TryCatchFromScope(token.ScopeId, code))
                    EndInstance(InstanceStatus.Failed, $"error '{code}' thrown by '{node.Id}' was not caught");
                break;
            default:
                CompleteScopeIfEmpty(token.ScopeId);
                break;
        }
    }

    /// <summary>Terminate ends its own scope only: inside a sub-process, the sub-process completes.</summary>
    private void Terminate(Guid? scopeId, FlowNode node)
    {
        if (scopeId is null)
        {
            EndInstance(InstanceStatus.Terminated, $"terminated by '{node.Id}'");
            return;
        }
        foreach (var token in state.Tokens.Where(t => t.ScopeId == scopeId).ToList())
            KillToken(token);
        CompleteScopeIfEmpty(scopeId);
    }

    /// <summary>An error from a task is caught by the task's own error boundary, else by those of the enclosing sub-processes.</summary>
    private bool TryCatchError(Token token, string code)
    {
        if (CatchingBoundary(token.ElementId, code) is { } boundary)
        {
            Interrupt(token, boundary);
            return true;
        }
        return TryCatchFromScope(token.ScopeId, code);
    }

    private bool TryCatchFromScope(Guid? scopeId, string code)
    {
        while (scopeId is { } id && FindToken(id) is { } subProcess)
        {
            if (CatchingBoundary(subProcess.ElementId, code) is { } boundary)
            {
                Interrupt(subProcess, boundary);
                return true;
            }
            scopeId = subProcess.ScopeId;
        }
        return false;
    }

    private FlowNode? CatchingBoundary(string activityId, string code) =>
        definition.BoundariesOf(activityId)
            .Where(b => b.Event == EventKind.Error)
            .OrderBy(b => b.Error?.ErrorCode is null ? 1 : 0)
            .FirstOrDefault(b => b.Error?.ErrorCode is null || b.Error.ErrorCode == code);

    /// <summary>Ends the activity (and all inside it) and goes on from the boundary event.</summary>
    private void Interrupt(Token activity, FlowNode boundary)
    {
        var scopeId = activity.ScopeId;
        KillToken(activity);
        StartFromBoundary(scopeId, boundary);
    }

    private void StartFromBoundary(Guid? scopeId, FlowNode boundary)
    {
        var token = new Token { Id = Guid.NewGuid(), ElementId = boundary.Id, ScopeId = scopeId, Status = TokenStatus.Ready };
        state.Tokens.Add(token);
        ready.Enqueue(token.Id);
    }

    /// <summary>Scheduled before the activity's own wait, so that a timer that cannot be worked out leaves nothing half made.</summary>
    private bool ScheduleBoundaryTimers(Token token, FlowNode activity)
    {
        foreach (var boundary in definition.BoundariesOf(activity.Id).Where(b => b.Event == EventKind.Timer && b.Timer is not null))
        {
            if (!ScheduleTimer(token, boundary, boundary.Timer!, groupId: null))
            {
                foreach (var wait in state.Waits.Where(w => w.TokenId == token.Id).ToList())
                    CancelWait(wait);
                return false;
            }
        }
        return true;
    }

    private bool ScheduleTimer(Token token, FlowNode element, TimerSpec timer, Guid? groupId)
    {
        if (!TryResolve(token, timer.Value, out var text))
            return false;
        var resolved = timer with { Value = text ?? "" };
        if (TimerSchedule.Check(resolved) is { } problem)
        {
            RaiseIncident(token, problem);
            return false;
        }
        if (TimerSchedule.FirstDue(resolved, Now) is not { } due)
            return true;
        var wait = new Wait
        {
            Id = Guid.NewGuid(), Kind = WaitKind.Timer, TokenId = token.Id, ElementId = element.Id, CreatedAt = Now,
            DueAt = due, RepetitionsLeft = TimerSchedule.RepetitionsAfterFirst(resolved), GroupId = groupId,
            Cycle = resolved.Kind == TimerKind.Cycle ? resolved.Value : null,
        };
        state.Waits.Add(wait);
        effects.Add(new TimerScheduled(wait.Id, element.Id, due));
        return true;
    }

    /// <summary>Makes the token wait on a message or timer catch event; false when the correlation cannot be worked out.</summary>
    private bool AwaitEvent(Token token, FlowNode node, Guid? groupId)
    {
        token.Status = TokenStatus.Waiting;
        if (node.Event == EventKind.Timer && node.Timer is { } timer)
            return ScheduleTimer(token, node, timer, groupId);
        var message = node.Message!;
        var correlation = Evaluate(message.Correlation ?? engine.Options.DefaultCorrelation);
        if (correlation.Failed)
        {
            RaiseIncident(token, $"correlation: {correlation.Error}");
            return false;
        }
        var key = correlation.Text;
        var wait = new Wait
        {
            Id = Guid.NewGuid(), Kind = WaitKind.Message, TokenId = token.Id, ElementId = node.Id, CreatedAt = Now,
            EventType = message.EventType, CorrelationKey = key, GroupId = groupId,
        };
        state.Waits.Add(wait);
        effects.Add(new MessageSubscribed(wait.Id, node.Id, message.EventType, key));
        return true;
    }
}
