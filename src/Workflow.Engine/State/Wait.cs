namespace Workflow.Engine.State;

/// <summary>
/// Something an instance waits for, described as data so the host can persist it and act on it:
/// show a user task, subscribe to a domain event, or schedule a timer (a Hangfire job in the application) that calls FireTimer.
/// </summary>
public sealed class Wait
{
    public Guid Id { get; set; }
    public WaitKind Kind { get; set; }
    public Guid TokenId { get; set; }

    /// <summary>The element that waits: the task, the catch event, or the boundary event.</summary>
    public string ElementId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Repetitions left after this one for a timer cycle; null means forever.</summary>
    public int? RepetitionsLeft { get; set; }

    /// <summary>The cycle as it was worked out when scheduled (it may come from an expression), for the next repetition.</summary>
    public string? Cycle { get; set; }

    public string? EventType { get; set; }
    public string? CorrelationKey { get; set; }

    public string? FormKey { get; set; }
    public string? Assignee { get; set; }
    public string? CandidateRole { get; set; }

    /// <summary>Waits of one event-based gateway share a group: the first that happens cancels the others.</summary>
    public Guid? GroupId { get; set; }
}

public enum WaitKind
{
    UserTask,
    Message,
    Timer,

    /// <summary>A service task waiting for its next attempt; the host schedules it like a timer.</summary>
    Retry,
}
