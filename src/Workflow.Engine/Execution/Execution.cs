using System.Text.Json.Nodes;
using Workflow.Engine.Expressions;
using Workflow.Engine.Model;
using Workflow.Engine.State;

namespace Workflow.Engine.Execution;

/// <summary>
/// One command's run over a copy of the state: tokens move until each waits, joins, ends or hits an incident.
/// Split by concern over several files (tasks, gateways, events, resuming).
/// </summary>
internal sealed partial class Execution(
    WorkflowEngine engine, ProcessDefinition definition, InstanceState state, Caller caller, CancellationToken cancellationToken)
{
    private readonly List<Effect> effects = [];
    private readonly Queue<Guid> ready = new();
    private int steps;
    private IReadOnlyDictionary<string, Delegate>? functions;

    private DateTimeOffset Now => engine.Clock.GetUtcNow();

    public void Begin(FlowNode start)
    {
        Journal(JournalKind.InstanceStarted, start.Id, null, state.Variables.Count > 0 ? (JsonObject)state.Variables.DeepClone() : null);
        var token = new Token { Id = Guid.NewGuid(), ElementId = start.Id, Status = TokenStatus.Ready };
        state.Tokens.Add(token);
        ready.Enqueue(token.Id);
    }

    public async Task<EngineResult> FinishAsync()
    {
        while (ready.TryDequeue(out var tokenId))
        {
            var token = FindToken(tokenId);
            if (token is null || token.Status != TokenStatus.Ready || state.Status != InstanceStatus.Running)
                continue;
            if (++steps > engine.Options.MaxStepsPerCommand)
            {
                EndInstance(InstanceStatus.Failed, $"more than {engine.Options.MaxStepsPerCommand} steps without waiting: the process loops");
                break;
            }
            await EnterAsync(token);
        }
        state.Version++;
        return new EngineResult(state, effects, true);
    }

    private async Task EnterAsync(Token token)
    {
        var node = definition.Node(token.ElementId)
            ?? throw new WorkflowException("unknown-element", $"element '{token.ElementId}' is not in the definition");
        Journal(JournalKind.Entered, node.Id);
        switch (node.Kind)
        {
            case ElementKind.StartEvent or ElementKind.BoundaryEvent:
                Leave(token, node);
                break;
            case ElementKind.EndEvent:
                End(token, node);
                break;
            case ElementKind.UserTask:
                CreateUserTask(token, node);
                break;
            case ElementKind.ServiceTask:
                await RunServiceTaskAsync(token, node);
                break;
            case ElementKind.ExclusiveGateway:
                ChooseExclusive(token, node);
                break;
            case ElementKind.ParallelGateway:
                JoinOrFork(token, node);
                break;
            case ElementKind.EventBasedGateway:
                AwaitFirstEvent(token, node);
                break;
            case ElementKind.IntermediateCatchEvent:
                AwaitEvent(token, node, groupId: null);
                break;
            case ElementKind.SubProcess:
                EnterSubProcess(token, node);
                break;
        }
    }

    /// <summary>Leaves by the given flows (all outgoing by default), withdrawing what waited on the element.</summary>
    private void Leave(Token token, FlowNode node, IReadOnlyList<string>? flows = null)
    {
        flows ??= node.Outgoing;
        CancelWaitsOf(token.Id);
        Journal(JournalKind.Left, node.Id);
        if (flows.Count == 0)
        {
            RemoveToken(token);
            CompleteScopeIfEmpty(token.ScopeId);
            return;
        }
        for (var i = 0; i < flows.Count; i++)
        {
            var flow = definition.Flows[flows[i]];
            var next = i == 0 ? token : new Token { Id = Guid.NewGuid(), ScopeId = token.ScopeId };
            next.ElementId = flow.TargetRef;
            next.ArrivedVia = flow.Id;
            next.Status = TokenStatus.Ready;
            next.Attempts = 0;
            if (i > 0)
                state.Tokens.Add(next);
            ready.Enqueue(next.Id);
        }
    }

    private void CompleteScopeIfEmpty(Guid? scopeId)
    {
        if (state.Status != InstanceStatus.Running || state.Tokens.Any(t => t.ScopeId == scopeId))
            return;
        if (scopeId is null)
        {
            EndInstance(InstanceStatus.Completed, null);
            return;
        }
        if (FindToken(scopeId.Value) is { } subProcess)
            Leave(subProcess, definition.Nodes[subProcess.ElementId]);
    }

    public void EndInstance(InstanceStatus status, string? reason)
    {
        foreach (var token in state.Tokens.Where(t => t.ScopeId is null).ToList())
            KillToken(token);
        state.Incidents.Clear();
        state.Status = status;
        state.EndedAt = Now;
        Journal(status == InstanceStatus.Failed ? JournalKind.Error : JournalKind.InstanceEnded, null, reason ?? status.ToString().ToLowerInvariant());
        effects.Add(new InstanceEnded(status, reason));
    }

    /// <summary>Removes a token with everything under it (tokens of its sub-process, waits, incidents).</summary>
    private void KillToken(Token token)
    {
        foreach (var child in state.Tokens.Where(t => t.ScopeId == token.Id).ToList())
            KillToken(child);
        CancelWaitsOf(token.Id);
        state.Incidents.RemoveAll(i => i.TokenId == token.Id);
        RemoveToken(token);
    }

    private void RemoveToken(Token token) => state.Tokens.RemoveAll(t => t.Id == token.Id);

    private void CancelWaitsOf(Guid tokenId)
    {
        foreach (var wait in state.Waits.Where(w => w.TokenId == tokenId).ToList())
            CancelWait(wait);
    }

    private void CancelWait(Wait wait)
    {
        state.Waits.Remove(wait);
        effects.Add(new WaitCancelled(wait.Id, wait.Kind, wait.ElementId));
    }

    private void RaiseIncident(Token token, string error)
    {
        token.Status = TokenStatus.Incident;
        var incident = new Incident
        {
            Id = Guid.NewGuid(), TokenId = token.Id, ElementId = token.ElementId,
            Error = error, Attempts = token.Attempts, CreatedAt = Now,
        };
        state.Incidents.Add(incident);
        Journal(JournalKind.IncidentRaised, token.ElementId, error);
        effects.Add(new IncidentRaised(incident.Id, incident.ElementId, error, incident.Attempts));
    }

    private Token? FindToken(Guid id) => state.Tokens.FirstOrDefault(t => t.Id == id);

    private void MergeVariables(JsonObject? data, string? elementId)
    {
        if (data is null || data.Count == 0)
            return;
        foreach (var (name, value) in data)
            state.Variables[name] = value?.DeepClone();
        Journal(JournalKind.VariablesChanged, elementId, null, (JsonObject)data.DeepClone());
    }

    private Dictionary<string, JsonNode?> GlobalsFor(JsonObject? extra = null) => Globals.Build(state.Variables, caller.Context, extra);

    private ExpressionResult Evaluate(string expression, JsonObject? extra = null) =>
        engine.Expressions.Evaluate(expression, GlobalsFor(extra), functions ??= Globals.Functions(() => Now));

    private void Journal(JournalKind kind, string? elementId, string? message = null, JsonObject? variables = null) =>
        state.Journal.Add(new JournalEntry
        {
            At = Now, Kind = kind, ElementId = elementId, Actor = caller.Actor, Message = message, Variables = variables,
        });
}
