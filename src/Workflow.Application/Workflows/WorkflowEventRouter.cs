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
    /// <summary>Published versions, and the event types some version catches: read once per transaction, on first need.</summary>
    private List<(WorkflowDefinition Row, Engine.Model.ProcessDefinition Process)>? _published;
    private HashSet<string>? _caught;
    private Guid? _transaction;

    public async Task Handle(IReadOnlyList<IDomainEvent> events, CancellationToken ct)
    {
        // Handle runs once per round of events; what it read holds for the rest of that transaction only.
        if (db.Database.CurrentTransaction?.TransactionId != _transaction)
        {
            (_published, _caught) = (null, null);
            _transaction = db.Database.CurrentTransaction?.TransactionId;
        }
        foreach (var domainEvent in events)
        {
            if (domainEvent is IInternalEvent)
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
        if (_published is null)
        {
            var ids = await db.WorkflowDefinitions.Where(d => d.Status == DefinitionStatus.Published).Select(d => d.Id).ToListAsync(ct);
            _published = [];
            foreach (var id in ids)
                _published.Add(await definitions.Version(db, id, ct));
        }
        foreach (var (definition, _) in _published.Where(p => p.Process.MessageStarts.Any(s => s.Message!.EventType == eventType)))
        {
            await runtime.StartAsync(definition, dossierId,
                (engine, process, caller, id) => engine.StartByMessageAsync(process, eventType, payload, caller, id, ct), ct);
        }
    }

    /// <summary>
    /// For each version with instances waiting for the event type, each catch event of that type works out
    /// its declared correlation (default dossierId) over the payload; instances whose subscription has that
    /// key resume with it.
    /// </summary>
    private async Task Deliver(string eventType, JsonObject payload, CancellationToken ct)
    {
        // Most events (a task made, an invitation answered) are caught by no version at all: no query for them.
        if (_caught is null)
        {
            var ids = await db.WorkflowDefinitions.Select(d => d.Id).ToListAsync(ct);
            _caught = [];
            foreach (var id in ids)
            {
                var process = await definitions.Get(db, id, ct);
                _caught.UnionWith(process.Nodes.Values.Where(n => n.Kind != Engine.Model.ElementKind.StartEvent && n.Message is not null).Select(n => n.Message!.EventType));
            }
        }
        if (!_caught.Contains(eventType))
            return;
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
