namespace Workflow.Engine.Model;

/// <summary>An executable BPMN element. Only what the engine runs is modelled; the raw XML keeps the rest.</summary>
public sealed class FlowNode
{
    public required string Id { get; init; }
    public required ElementKind Kind { get; init; }
    public string? Name { get; init; }

    /// <summary>The sub-process that contains this node, or null at process level.</summary>
    public string? ParentId { get; init; }

    public EventKind Event { get; init; } = EventKind.None;
    public TimerSpec? Timer { get; init; }
    public MessageSpec? Message { get; init; }
    public ErrorSpec? Error { get; init; }
    public UserTaskSpec? UserTask { get; init; }
    public ServiceTaskSpec? ServiceTask { get; init; }

    public string? AttachedToRef { get; init; }
    public bool CancelActivity { get; init; } = true;
    public string? DefaultFlowId { get; init; }

    internal List<string> IncomingFlows { get; } = [];
    internal List<string> OutgoingFlows { get; } = [];

    public IReadOnlyList<string> Incoming => IncomingFlows;

    /// <summary>In document order, which is the order an exclusive gateway tries its conditions.</summary>
    public IReadOnlyList<string> Outgoing => OutgoingFlows;
}

public sealed record SequenceFlow(string Id, string SourceRef, string TargetRef, string? Condition, string? ParentId);

public sealed record TimerSpec(TimerKind Kind, string Value);

/// <summary>Which domain event a message event waits for, when it applies and how it is correlated.</summary>
public sealed record MessageSpec(string EventType, string? Condition, string? Correlation, string? ResultVariable);

public sealed record ErrorSpec(string? ErrorCode, string? Name);

/// <summary>Assignee, candidate role and due date may be literals or, when prefixed with '=', expressions.</summary>
public sealed record UserTaskSpec(string? FormKey, string? Assignee, string? CandidateRole, string? DueDate);

public sealed record ServiceTaskSpec(
    string? Command,
    IReadOnlyList<Mapping> Inputs,
    IReadOnlyList<Mapping> Outputs,
    RetryPolicy Retry);

public sealed record Mapping(string Target, string Expression);

/// <summary>Attempts counts the first try; the back-off doubles after each failure.</summary>
public sealed record RetryPolicy(int Attempts, TimeSpan Backoff)
{
    public static RetryPolicy Default { get; } = new(3, TimeSpan.FromSeconds(30));

    public TimeSpan DelayAfter(int failedAttempts) =>
        TimeSpan.FromTicks(Backoff.Ticks * (1L << Math.Clamp(failedAttempts - 1, 0, 20)));
}
