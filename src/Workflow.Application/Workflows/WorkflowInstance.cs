using System.Text.Json.Nodes;
using Workflow.Application.Common;
using Workflow.Engine.Execution;
using Workflow.Engine.State;

namespace Workflow.Application.Workflows;

/// <summary>
/// A running (or finished) instance: the engine's state as JSON, saved in the transaction of the
/// domain change that moved it, with optimistic concurrency on PostgreSQL's xmin. Its message
/// subscriptions and timers are kept beside it as rows, derived from the state, so events and due
/// timers find their instances by index. Its journal is appended to rows of its own: the state a
/// step rewrites stays the size of what the instance is doing, however long it has been running.
/// </summary>
public sealed class WorkflowInstance : Entity
{
    private readonly List<WorkflowSubscription> _subscriptions = [];
    private readonly List<WorkflowTimer> _timers = [];
    private readonly List<WorkflowJournalEntry> _journal = [];

    private WorkflowInstance() { }

    public Guid Id { get; private set; }

    public Guid DefinitionId { get; private set; }

    public string DefinitionKey { get; private set; } = "";

    public int DefinitionVersion { get; private set; }

    public Guid? DossierId { get; private set; }

    public InstanceStatus Status { get; private set; }

    public string State { get; private set; } = "{}";

    public int OpenIncidents { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public uint RowVersion { get; private set; }

    /// <summary>How many journal entries the instance has: the next one's sequence number.</summary>
    public int JournalLength { get; private set; }

    public IReadOnlyList<WorkflowSubscription> Subscriptions => _subscriptions;

    public IReadOnlyList<WorkflowTimer> Timers => _timers;

    /// <summary>The entries this unit of work appends (the rows already stored are not loaded with the instance).</summary>
    public IReadOnlyList<WorkflowJournalEntry> NewJournalEntries => _journal;

    public static WorkflowInstance Start(WorkflowDefinition definition, Guid? dossierId, EngineResult result)
    {
        var instance = new WorkflowInstance
        {
            Id = result.State.Id,
            DefinitionId = definition.Id,
            DefinitionKey = definition.Key,
            DefinitionVersion = definition.Version,
            DossierId = dossierId,
            StartedAt = result.State.StartedAt,
        };
        instance.Apply(result.State, result.State.StartedAt);
        return instance;
    }

    public InstanceState ReadState() => InstanceState.FromJson(State);

    /// <summary>
    /// Stores the engine's new state and brings the subscription and timer rows in line with its waits. The
    /// journal entries the engine appended move out of the state into journal rows.
    /// </summary>
    public void Apply(InstanceState state, DateTimeOffset now)
    {
        foreach (var entry in state.Journal)
            _journal.Add(WorkflowJournalEntry.From(Id, JournalLength++, entry));
        state.Journal.Clear();
        State = state.ToJson();
        Status = state.Status;
        EndedAt = state.EndedAt;
        OpenIncidents = state.Incidents.Count;

        var messages = state.Waits.Where(w => w.Kind == WaitKind.Message).ToDictionary(w => w.Id);
        _subscriptions.RemoveAll(s => !messages.ContainsKey(s.WaitId));
        foreach (var wait in messages.Values.Where(w => _subscriptions.All(s => s.WaitId != w.Id)))
            _subscriptions.Add(new WorkflowSubscription(wait.Id, Id, wait.EventType ?? "", wait.CorrelationKey));

        var timers = state.Waits.Where(w => w.Kind is WaitKind.Timer or WaitKind.Retry && w.DueAt is not null).ToDictionary(w => w.Id);
        foreach (var gone in _timers.Where(t => !timers.ContainsKey(t.WaitId)).ToList())
        {
            _timers.Remove(gone);
            Raise(new WorkflowTimerCleared(Id, gone.WaitId, now));
        }
        foreach (var wait in timers.Values.Where(w => _timers.All(t => t.WaitId != w.Id)))
        {
            _timers.Add(new WorkflowTimer(wait.Id, Id, wait.DueAt!.Value));
            Raise(new WorkflowTimerSet(Id, wait.Id, wait.DueAt!.Value, now));
        }
    }

    public void MoveTo(WorkflowDefinition definition, InstanceState state, DateTimeOffset now)
    {
        DefinitionId = definition.Id;
        DefinitionKey = definition.Key;
        DefinitionVersion = definition.Version;
        Apply(state, now);
    }
}

/// <summary>An instance waits for a domain event of this type with this correlation key (by default the dossier id).</summary>
public sealed class WorkflowSubscription(Guid waitId, Guid instanceId, string eventType, string? correlationKey)
{
    public Guid WaitId { get; private set; } = waitId;

    public Guid InstanceId { get; private set; } = instanceId;

    public string EventType { get; private set; } = eventType;

    public string? CorrelationKey { get; private set; } = correlationKey;
}

/// <summary>A timer or a service-task retry due at a time; Quartz fires it, and a sweep catches any trigger lost in a crash.</summary>
public sealed class WorkflowTimer(Guid waitId, Guid instanceId, DateTimeOffset dueAt)
{
    public Guid WaitId { get; private set; } = waitId;

    public Guid InstanceId { get; private set; } = instanceId;

    public DateTimeOffset DueAt { get; private set; } = dueAt;
}

/// <summary>One entry of an instance's journal: an element entered or left, variables changed, an error, an incident, a migration.</summary>
public sealed class WorkflowJournalEntry
{
    private WorkflowJournalEntry() { }

    public Guid InstanceId { get; private set; }

    public int Seq { get; private set; }

    public DateTimeOffset At { get; private set; }

    public JournalKind Kind { get; private set; }

    public string? ElementId { get; private set; }

    public string? Actor { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The new values of the variables the step changed, as JSON.</summary>
    public string? Variables { get; private set; }

    public static WorkflowJournalEntry From(Guid instanceId, int seq, JournalEntry entry) => new()
    {
        InstanceId = instanceId, Seq = seq, At = entry.At, Kind = entry.Kind, ElementId = entry.ElementId, Actor = entry.Actor,
        Message = entry.Message, Variables = entry.Variables?.ToJsonString(),
    };

    public JournalEntry ToEntry() => new()
    {
        At = At, Kind = Kind, ElementId = ElementId, Actor = Actor, Message = Message,
        Variables = Variables is null ? null : JsonNode.Parse(Variables) as JsonObject,
    };
}

/// <summary>After commit: a Quartz trigger goes in for this wait.</summary>
public sealed record WorkflowTimerSet(Guid InstanceId, Guid WaitId, DateTimeOffset DueAt, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>After commit: the Quartz trigger of this wait comes out.</summary>
public sealed record WorkflowTimerCleared(Guid InstanceId, Guid WaitId, DateTimeOffset OccurredAt) : IDomainEvent;
