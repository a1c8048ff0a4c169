using System.Text.Json.Nodes;
using Workflow.Engine.Expressions;
using Workflow.Engine.Model;
using Workflow.Engine.State;

namespace Workflow.Engine.Execution;

/// <summary>
/// The host-facing engine. Every command takes the stored state, never changes it, and returns the new
/// state with the effects the host must carry out; the host stores both in one transaction.
/// </summary>
public sealed class WorkflowEngine(ICommandRunner commands, TimeProvider clock, EngineOptions? options = null)
{
    internal EngineOptions Options { get; } = options ?? new EngineOptions();
    internal ExpressionEvaluator Expressions { get; } = new((options ?? new EngineOptions()).Limits);
    internal ICommandRunner Commands => commands;
    internal TimeProvider Clock => clock;

    /// <param name="instanceId">Lets the host derive the id from what caused the start (a domain event), so a replayed start is recognisable.</param>
    public async Task<EngineResult> StartAsync(
        ProcessDefinition definition, JsonObject? variables = null, string? startEventId = null,
        Caller? caller = null, Guid? instanceId = null, CancellationToken cancellationToken = default)
    {
        var start = ChooseStart(definition, startEventId);
        var state = new InstanceState
        {
            Id = instanceId ?? Guid.NewGuid(),
            ProcessId = definition.Id,
            StartedAt = clock.GetUtcNow(),
            Variables = variables?.DeepClone().AsObject() ?? [],
        };
        var run = new Execution(this, definition, state, caller ?? Caller.System, cancellationToken);
        run.Begin(start);
        return await run.FinishAsync();
    }

    /// <summary>Starts an instance if a message start event of the definition takes this domain event; null otherwise.</summary>
    public async Task<EngineResult?> StartByMessageAsync(
        ProcessDefinition definition, string eventType, JsonObject payload,
        Caller? caller = null, Guid? instanceId = null, CancellationToken cancellationToken = default)
    {
        foreach (var start in definition.MessageStarts.Where(s => s.Message!.EventType == eventType))
        {
            var message = start.Message!;
            if (message.Condition is not null)
            {
                var globals = Globals.Build(payload, caller?.Context, new JsonObject { ["event"] = payload.DeepClone() });
                var verdict = Expressions.Evaluate(message.Condition, globals, Globals.Functions(clock.GetUtcNow));
                if (verdict.Failed || !verdict.IsTruthy)
                    continue;
            }
            var variables = message.ResultVariable is { } name
                ? new JsonObject { [name] = payload.DeepClone() }
                : payload.DeepClone().AsObject();
            return await StartAsync(definition, variables, start.Id, caller, instanceId, cancellationToken);
        }
        return null;
    }

    public Task<EngineResult> CompleteUserTaskAsync(
        ProcessDefinition definition, InstanceState state, Guid waitId, JsonObject? data = null,
        Caller? caller = null, CancellationToken cancellationToken = default) =>
        Run(definition, state, caller, cancellationToken, run => run.CompleteUserTask(waitId, data));

    public Task<EngineResult> FireTimerAsync(
        ProcessDefinition definition, InstanceState state, Guid waitId,
        Caller? caller = null, CancellationToken cancellationToken = default) =>
        Run(definition, state, caller, cancellationToken, run => run.FireTimer(waitId));

    /// <summary>
    /// The correlation key an event's payload gives for a message event: its correlation expression (default
    /// dossierId) worked out over the payload's properties, as the wait's key was over the instance's variables;
    /// Found false when it fails (a key of null is a key, as when the wait was made).
    /// </summary>
    public (bool Found, string? Key) CorrelationKeyOf(MessageSpec message, JsonObject payload)
    {
        var result = Expressions.Evaluate(message.Correlation ?? Options.DefaultCorrelation, payload, Globals.Functions(clock.GetUtcNow));
        return result.Failed ? (false, null) : (true, result.Text);
    }

    /// <summary>Resumes the waits of this instance subscribed to the event type and correlation key.</summary>
    public Task<EngineResult> DeliverMessageAsync(
        ProcessDefinition definition, InstanceState state, string eventType, string? correlationKey, JsonObject? payload = null,
        Caller? caller = null, CancellationToken cancellationToken = default) =>
        Run(definition, state, caller, cancellationToken, run => run.DeliverMessage(eventType, correlationKey, payload ?? []));

    public Task<EngineResult> RetryIncidentAsync(
        ProcessDefinition definition, InstanceState state, Guid incidentId,
        Caller? caller = null, CancellationToken cancellationToken = default) =>
        Run(definition, state, caller, cancellationToken, run => run.RetryIncident(incidentId));

    /// <summary>Moves past the failed task as if it had succeeded, with the given variables standing in for its result.</summary>
    public Task<EngineResult> SkipIncidentAsync(
        ProcessDefinition definition, InstanceState state, Guid incidentId, JsonObject? variables = null,
        Caller? caller = null, CancellationToken cancellationToken = default) =>
        Run(definition, state, caller, cancellationToken, run => run.SkipIncident(incidentId, variables));

    public Task<EngineResult> CancelAsync(
        ProcessDefinition definition, InstanceState state, string? reason = null,
        Caller? caller = null, CancellationToken cancellationToken = default) =>
        Run(definition, state, caller, cancellationToken, run =>
        {
            run.EndInstance(InstanceStatus.Cancelled, reason ?? "cancelled");
            return true;
        });

    private async Task<EngineResult> Run(
        ProcessDefinition definition, InstanceState stored, Caller? caller, CancellationToken cancellationToken,
        Func<Execution, bool> command)
    {
        if (stored.ProcessId != definition.Id)
            throw new WorkflowException("wrong-definition", $"the instance runs process '{stored.ProcessId}', not '{definition.Id}'");
        if (stored.Status != InstanceStatus.Running)
            throw new WorkflowException("not-running", $"the instance is {stored.Status.ToString().ToLowerInvariant()}");
        var run = new Execution(this, definition, stored.Clone(), caller ?? Caller.System, cancellationToken);
        try
        {
            if (!command(run))
                return new EngineResult(stored, [], false);
            return await run.FinishAsync();
        }
        catch (KeyNotFoundException e)
        {
            // The state names elements this definition lacks: the host paired it with the wrong version.
            throw new WorkflowException("definition-mismatch", $"the instance does not fit this definition: {e.Message}");
        }
    }

    private static FlowNode ChooseStart(ProcessDefinition definition, string? startEventId)
    {
        if (startEventId is not null)
        {
            return definition.StartEvents(null).FirstOrDefault(s => s.Id == startEventId)
                ?? throw new WorkflowException("unknown-start", $"'{startEventId}' is not a start event of the process");
        }
        var plain = definition.StartEvents(null).Where(s => s.Event == EventKind.None).ToList();
        return plain.Count == 1
            ? plain[0]
            : throw new WorkflowException("ambiguous-start", "the process needs exactly one plain start event to be started without naming one");
    }
}
