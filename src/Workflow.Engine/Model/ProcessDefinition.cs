namespace Workflow.Engine.Model;

/// <summary>
/// A process read from BPMN 2.0 XML. <see cref="Xml"/> is the document exactly as it was given,
/// diagram data included, so that storing and exporting never loses what bpmn-js drew.
/// </summary>
public sealed class ProcessDefinition
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required string Xml { get; init; }
    public required IReadOnlyDictionary<string, FlowNode> Nodes { get; init; }
    public required IReadOnlyDictionary<string, SequenceFlow> Flows { get; init; }

    /// <summary>Problems found while reading (unsupported elements, bad extensions); the validator reports them.</summary>
    public IReadOnlyList<ValidationError> ReadProblems { get; init; } = [];

    public FlowNode? Node(string id) => Nodes.GetValueOrDefault(id);

    public IEnumerable<FlowNode> StartEvents(string? parentId) =>
        Nodes.Values.Where(n => n.Kind == ElementKind.StartEvent && n.ParentId == parentId);

    public IEnumerable<FlowNode> BoundariesOf(string activityId) =>
        Nodes.Values.Where(n => n.Kind == ElementKind.BoundaryEvent && n.AttachedToRef == activityId);

    public IEnumerable<FlowNode> ChildrenOf(string subProcessId) =>
        Nodes.Values.Where(n => n.ParentId == subProcessId);

    /// <summary>Start events a domain event can trigger; the host matches them against the events it publishes.</summary>
    public IEnumerable<FlowNode> MessageStarts =>
        StartEvents(null).Where(n => n.Event == EventKind.Message && n.Message is not null);

    /// <summary>Start events the host must schedule.</summary>
    public IEnumerable<FlowNode> TimerStarts =>
        StartEvents(null).Where(n => n.Event == EventKind.Timer && n.Timer is not null);
}

public sealed record ValidationError(string Element, string Message);
