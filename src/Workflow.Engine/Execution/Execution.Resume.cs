using System.Text.Json.Nodes;
using Workflow.Engine.Model;
using Workflow.Engine.State;
using Workflow.Engine.Timing;

namespace Workflow.Engine.Execution;

/// <summary>The host's commands that resume a waiting instance.</summary>
internal sealed partial class Execution
{
    public bool CompleteUserTask(Guid waitId, JsonObject? data)
    {
        var wait = RequireWait(waitId, WaitKind.UserTask);
        var token = FindToken(wait.TokenId)!;
        state.Waits.Remove(wait);
        MergeVariables(data, wait.ElementId);
        Leave(token, definition.Nodes[wait.ElementId]);
        return true;
    }

    public bool FireTimer(Guid waitId)
    {
        var wait = RequireWait(waitId, WaitKind.Timer, WaitKind.Retry);
        var token = FindToken(wait.TokenId)!;
        state.Waits.Remove(wait);
        if (wait.Kind == WaitKind.Retry)
        {
            token.Status = TokenStatus.Ready;
            ready.Enqueue(token.Id);
            return true;
        }
        var element = definition.Nodes[wait.ElementId];
        if (element.Kind != ElementKind.BoundaryEvent)
        {
            ResumeCatch(token, wait);
            return true;
        }
        if (element.CancelActivity)
        {
            Interrupt(token, element);
            return true;
        }
        RepeatCycle(wait);
        StartFromBoundary(token.ScopeId, element);
        return true;
    }

    public bool DeliverMessage(string eventType, string? correlationKey, JsonObject payload)
    {
        var delivered = false;
        var candidates = state.Waits
            .Where(w => w.Kind == WaitKind.Message && w.EventType == eventType && w.CorrelationKey == correlationKey)
            .ToList();
        foreach (var wait in candidates)
        {
            // An earlier delivery in this loop may have withdrawn this wait (event-based gateway, interruption).
            if (!state.Waits.Contains(wait))
                continue;
            var message = definition.Nodes[wait.ElementId].Message;
            if (message?.Condition is { } condition)
            {
                var verdict = Evaluate(condition, new JsonObject { ["event"] = payload.DeepClone() });
                if (verdict.Failed)
                {
                    Journal(JournalKind.Error, wait.ElementId, $"message condition: {verdict.Error}");
                    delivered = true;
                    continue;
                }
                if (!verdict.IsTruthy)
                    continue;
            }
            state.Waits.Remove(wait);
            var data = message?.ResultVariable is { } name ? new JsonObject { [name] = payload.DeepClone() } : payload;
            MergeVariables(data, wait.ElementId);
            ResumeCatch(FindToken(wait.TokenId)!, wait);
            delivered = true;
        }
        return delivered;
    }

    public bool RetryIncident(Guid incidentId)
    {
        var incident = RequireIncident(incidentId);
        state.Incidents.Remove(incident);
        Journal(JournalKind.IncidentResolved, incident.ElementId, "retried");
        var token = FindToken(incident.TokenId)!;
        token.Status = TokenStatus.Ready;
        ready.Enqueue(token.Id);
        return true;
    }

    public bool SkipIncident(Guid incidentId, JsonObject? variables)
    {
        var incident = RequireIncident(incidentId);
        var node = definition.Nodes[incident.ElementId];
        if (node.Kind is not (ElementKind.ServiceTask or ElementKind.UserTask))
            throw new WorkflowException("cannot-skip", $"only a task can be skipped; '{node.Id}' is a {node.Kind}");
        state.Incidents.Remove(incident);
        Journal(JournalKind.IncidentResolved, incident.ElementId, "skipped");
        MergeVariables(variables, node.Id);
        Leave(FindToken(incident.TokenId)!, node);
        return true;
    }

    /// <summary>A catch event happened: the other branches of its event-based gateway are withdrawn.</summary>
    private void ResumeCatch(Token token, Wait wait)
    {
        if (wait.GroupId is { } group)
        {
            foreach (var sibling in state.Waits.Where(w => w.GroupId == group).ToList())
                CancelWait(sibling);
            Journal(JournalKind.Left, token.ElementId);
            token.ElementId = wait.ElementId;
            Journal(JournalKind.Entered, wait.ElementId);
        }
        Leave(token, definition.Nodes[wait.ElementId]);
    }

    private void RepeatCycle(Wait fired)
    {
        if (fired.RepetitionsLeft == 0 || fired.Cycle is null || fired.DueAt is null)
            return;
        if (TimerSchedule.NextCycleDue(new TimerSpec(TimerKind.Cycle, fired.Cycle), fired.DueAt.Value) is not { } due)
            return;
        var next = new Wait
        {
            Id = Guid.NewGuid(), Kind = WaitKind.Timer, TokenId = fired.TokenId, ElementId = fired.ElementId, CreatedAt = Now,
            DueAt = due, RepetitionsLeft = fired.RepetitionsLeft - 1, Cycle = fired.Cycle,
        };
        state.Waits.Add(next);
        effects.Add(new TimerScheduled(next.Id, next.ElementId, due));
    }

    private Wait RequireWait(Guid waitId, params WaitKind[] kinds)
    {
        var wait = state.Waits.FirstOrDefault(w => w.Id == waitId)
            ?? throw new WorkflowException("unknown-wait", $"the instance does not wait on '{waitId}'");
        if (!kinds.Contains(wait.Kind))
            throw new WorkflowException("wrong-wait-kind", $"wait '{waitId}' is a {wait.Kind}, not a {string.Join(" or ", kinds)}");
        return wait;
    }

    private Incident RequireIncident(Guid incidentId) =>
        state.Incidents.FirstOrDefault(i => i.Id == incidentId)
        ?? throw new WorkflowException("unknown-incident", $"the instance has no incident '{incidentId}'");
}
