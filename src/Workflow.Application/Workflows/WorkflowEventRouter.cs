using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Application.Tasks;
using Workflow.Engine.State;

namespace Workflow.Application.Workflows;

/// <summary>
/// Domain events move workflows inside the transaction that raised them: a completed workflow task
/// resumes its instance, published definitions whose message start takes the event start an
/// instance, and instances waiting for the event resume when the catch event's correlation (default: the
/// dossier id), worked out over the event's payload, gives the key they subscribed with. If the
/// transaction rolls back, none of it happened; if it commits, all of it did.
/// </summary>
internal sealed class WorkflowEventRouter(AppDbContext db, WorkflowRuntime runtime, DefinitionCache definitions) : IBeforeCommitHandler
{
    public async Task Handle(IReadOnlyList<IDomainEvent> events, CancellationToken ct)
    {
        foreach (var domainEvent in events)
        {
            if (domainEvent is WorkflowTimerSet or WorkflowTimerCleared or WorkflowDefinitionPublished or WorkflowDefinitionUnpublished)
                continue;
            if (domainEvent is TaskCompleted { WorkflowInstanceId: { } instanceId, WorkflowElementId: { } elementId } completed)
                await CompleteUserTask(instanceId, elementId, completed.Data, ct);

            var eventType = domainEvent.GetType().Name;
            var payload = JsonSerializer.SerializeToNode(domainEvent, domainEvent.GetType(), WorkflowCatalogue.Json)!.AsObject();
            var dossierId = payload["dossierId"]?.GetValue<Guid>();
            await StartInstances(eventType, payload, dossierId, ct);
            await Deliver(eventType, payload, ct);
        }
    }

    private async Task CompleteUserTask(Guid instanceId, string elementId, string? data, CancellationToken ct)
    {
        var instance = await runtime.Load(instanceId, ct);
        if (instance.Status != InstanceStatus.Running)
            return;
        // A task whose wait is gone (the workflow moved on) completes as a plain task.
        if (instance.ReadState().Waits.FirstOrDefault(w => w.Kind == WaitKind.UserTask && w.ElementId == elementId) is not { } wait)
            return;
        var submitted = data is null ? null : JsonNode.Parse(data) as JsonObject;
        await runtime.RunAsync(instance, (engine, process, state, caller) =>
            engine.CompleteUserTaskAsync(process, state, wait.Id, submitted, caller, ct), ct);
    }

    private async Task StartInstances(string eventType, JsonObject payload, Guid? dossierId, CancellationToken ct)
    {
        var published = await db.WorkflowDefinitions.Where(d => d.Status == DefinitionStatus.Published).ToListAsync(ct);
        foreach (var definition in published)
        {
            await runtime.StartAsync(definition, dossierId,
                (engine, process, caller, id) => process.MessageStarts.Any(s => s.Message!.EventType == eventType)
                    ? engine.StartByMessageAsync(process, eventType, payload, caller, id, ct)
                    : Task.FromResult<Engine.Execution.EngineResult?>(null), ct);
        }
    }

    /// <summary>
    /// For each version with instances waiting for the event type, each catch event of that type works out
    /// its declared correlation (default dossierId) over the payload; instances whose subscription has that
    /// key resume with it.
    /// </summary>
    private async Task Deliver(string eventType, JsonObject payload, CancellationToken ct)
    {
        // Subscriptions made earlier in this transaction are found too.
        await db.SaveChangesAsync(ct);
        var versions = await db.WorkflowSubscriptions.Where(s => s.EventType == eventType)
            .Join(db.WorkflowInstances, s => s.InstanceId, i => i.Id, (s, i) => i.DefinitionId).Distinct().ToListAsync(ct);
        var waiting = new List<(Guid InstanceId, string? Key)>();
        foreach (var definitionId in versions)
        {
            var process = await definitions.Get(db, definitionId, ct);
            // The payload's dossierId, null when it has none (as the variable is for an instance without a dossier).
            var globals = (JsonObject)payload.DeepClone();
            if (!globals.ContainsKey("dossierId"))
                globals["dossierId"] = null;
            var keys = process.Nodes.Values
                .Where(n => n.Kind != Engine.Model.ElementKind.StartEvent && n.Message is { } m && m.EventType == eventType)
                .Select(n => runtime.Engine.CorrelationKeyOf(n.Message!, globals)).Where(k => k.Found).Select(k => k.Key).Distinct().ToList();
            if (keys.Count == 0)
                continue;
            var matchesNull = keys.Contains(null);
            var texts = keys.OfType<string>().ToList();
            var found = await db.WorkflowSubscriptions
                .Where(s => s.EventType == eventType && (s.CorrelationKey == null ? matchesNull : texts.Contains(s.CorrelationKey)))
                .Join(db.WorkflowInstances.Where(i => i.DefinitionId == definitionId), s => s.InstanceId, i => i.Id, (s, i) => new { s.InstanceId, s.CorrelationKey })
                .Distinct().ToListAsync(ct);
            waiting.AddRange(found.Select(f => (f.InstanceId, f.CorrelationKey)));
        }
        foreach (var (instanceId, key) in waiting)
        {
            var instance = await runtime.Load(instanceId, ct);
            if (instance.Status == InstanceStatus.Running)
                await runtime.RunAsync(instance, (engine, process, state, caller) =>
                    engine.DeliverMessageAsync(process, state, eventType, key, payload, caller, ct), ct);
        }
    }
}
