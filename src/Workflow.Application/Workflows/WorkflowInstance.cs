using System.Text.Json;
using Microsoft.EntityFrameworkCore;
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
    private readonly List<WorkflowJournalChunk> _journal = [];

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

    /// <summary>The journal rows this unit of work appends (the rows already stored are not loaded with the instance).</summary>
    public IReadOnlyList<WorkflowJournalChunk> NewJournalChunks => _journal;

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
        if (state.Journal.Count > 0)
        {
            _journal.Add(WorkflowJournalChunk.From(Id, JournalLength, state.Journal));
            JournalLength += state.Journal.Count;
            state.Journal.Clear();
        }
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
            Raise(new WorkflowTimerCleared(gone.WaitId, gone.JobId, now));
        }
        foreach (var wait in timers.Values.Where(w => _timers.All(t => t.WaitId != w.Id)))
        {
            _timers.Add(new WorkflowTimer(wait.Id, Id, wait.DueAt!.Value));
            Raise(new WorkflowTimerSet(wait.Id, Id, wait.DueAt!.Value, now));
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

public static class WorkflowInstanceQueries
{
    /// <summary>Instances with their waits (message subscriptions and timers), in one round trip: what every step on an instance starts from.</summary>
    public static IQueryable<WorkflowInstance> WithWaits(this IQueryable<WorkflowInstance> instances) =>
        instances.Include(i => i.Subscriptions).Include(i => i.Timers).AsSingleQuery();
}

/// <summary>An instance waits for a domain event of this type with this correlation key (by default the dossier id).</summary>
public sealed class WorkflowSubscription(Guid waitId, Guid instanceId, string eventType, string? correlationKey)
{
    public Guid WaitId { get; private set; } = waitId;

    public Guid InstanceId { get; private set; } = instanceId;

    public string EventType { get; private set; } = eventType;

    public string? CorrelationKey { get; private set; } = correlationKey;
}

/// <summary>
/// A timer or a service-task retry due at a time: a Hangfire job fires it (<see cref="WorkflowTimerJob"/>), and
/// the sweep fires it if that job was lost in a crash.
/// </summary>
public sealed class WorkflowTimer(Guid waitId, Guid instanceId, DateTimeOffset dueAt)
{
    public Guid WaitId { get; private set; } = waitId;

    public Guid InstanceId { get; private set; } = instanceId;

    public DateTimeOffset DueAt { get; private set; } = dueAt;

    /// <summary>The Hangfire job that fires it, once scheduled (after the commit that wrote the row), so that clearing the timer can delete it.</summary>
    public string? JobId { get; private set; }
}

/// <summary>
/// The journal entries one step appended (elements entered and left, variables changed, errors, incidents,
/// a migration), in one row: a step writes one row however much it did. Keyed by the instance and the
/// position of its first entry, so the rows read back in order.
/// </summary>
public sealed class WorkflowJournalChunk
{
    private WorkflowJournalChunk() { }

    public Guid InstanceId { get; private set; }

    /// <summary>The position of the chunk's first entry in the instance's journal.</summary>
    public int Seq { get; private set; }

    /// <summary>The entries as a JSON array, in the engine's own JSON form.</summary>
    public string Entries { get; private set; } = "[]";

    public static WorkflowJournalChunk From(Guid instanceId, int seq, IEnumerable<JournalEntry> entries) => new()
    {
        InstanceId = instanceId, Seq = seq, Entries = JsonSerializer.Serialize(entries, InstanceState.JsonOptions),
    };

    public IReadOnlyList<JournalEntry> Read() => JsonSerializer.Deserialize<List<JournalEntry>>(Entries, InstanceState.JsonOptions) ?? [];

    /// <summary>The journal of an instance, from its rows in order.</summary>
    public static List<JournalEntry> Concat(IEnumerable<WorkflowJournalChunk> chunks) =>
        chunks.OrderBy(c => c.Seq).SelectMany(c => c.Read()).ToList();
}

/// <summary>
/// After commit: a Hangfire job goes in for this timer, due at <paramref name="DueAt"/>: an instance's wait
/// (<paramref name="TimerId"/> is the wait's id) or, without an instance, a version's timer start (<see cref="WorkflowTimerStart"/>).
/// </summary>
public sealed record WorkflowTimerSet(Guid TimerId, Guid? InstanceId, DateTimeOffset DueAt, DateTimeOffset OccurredAt) : IInternalEvent;

/// <summary>After commit: the timer's Hangfire job, if it had one, comes out (a job left behind would find nothing to do).</summary>
public sealed record WorkflowTimerCleared(Guid TimerId, string? JobId, DateTimeOffset OccurredAt) : IInternalEvent;
