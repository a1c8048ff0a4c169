using System.Text.Json.Serialization;

namespace Workflow.Engine.State;

/// <summary>
/// What the host must do after storing the new state: create or withdraw tasks, schedule or unschedule
/// timers, record subscriptions. Effects serialise with a "type" field so the host can keep them in an outbox.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(UserTaskCreated), "user-task-created")]
[JsonDerivedType(typeof(TimerScheduled), "timer-scheduled")]
[JsonDerivedType(typeof(MessageSubscribed), "message-subscribed")]
[JsonDerivedType(typeof(WaitCancelled), "wait-cancelled")]
[JsonDerivedType(typeof(IncidentRaised), "incident-raised")]
[JsonDerivedType(typeof(InstanceEnded), "instance-ended")]
public abstract record Effect;

public sealed record UserTaskCreated(
    Guid WaitId, string ElementId, string? Name, string? FormKey, string? Assignee, string? CandidateRole, DateTimeOffset? DueAt) : Effect;

/// <summary>Also used for service task retries: the host fires both kinds through FireTimer.</summary>
public sealed record TimerScheduled(Guid WaitId, string ElementId, DateTimeOffset DueAt) : Effect;

public sealed record MessageSubscribed(Guid WaitId, string ElementId, string EventType, string? CorrelationKey) : Effect;

/// <summary>A wait ended without happening (interrupted task, other branch of an event gateway, cancel): withdraw it.</summary>
public sealed record WaitCancelled(Guid WaitId, WaitKind Kind, string ElementId) : Effect;

public sealed record IncidentRaised(Guid IncidentId, string ElementId, string Error, int Attempts) : Effect;

public sealed record InstanceEnded(InstanceStatus Status, string? Reason) : Effect;
