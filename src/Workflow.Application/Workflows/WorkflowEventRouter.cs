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
/// instance, and instances waiting for the event (correlated by dossier) resume. If the
/// transaction rolls back, none of it happened; if it commits, all of it did.
/// </summary>
internal sealed class WorkflowEventRouter(AppDbContext db, WorkflowRuntime runtime) : IBeforeCommitHandler
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
            await Deliver(eventType, payload, dossierId?.ToString(), ct);
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

    private async Task Deliver(string eventType, JsonObject payload, string? correlationKey, CancellationToken ct)
    {
        // Subscriptions made earlier in this transaction are found too.
        await db.SaveChangesAsync(ct);
        var waiting = await db.WorkflowSubscriptions.Where(s => s.EventType == eventType && s.CorrelationKey == correlationKey)
            .Select(s => s.InstanceId).Distinct().ToListAsync(ct);
        foreach (var instanceId in waiting)
        {
            var instance = await runtime.Load(instanceId, ct);
            if (instance.Status == InstanceStatus.Running)
                await runtime.RunAsync(instance, (engine, process, state, caller) =>
                    engine.DeliverMessageAsync(process, state, eventType, correlationKey, payload, caller, ct), ct);
        }
    }
}
