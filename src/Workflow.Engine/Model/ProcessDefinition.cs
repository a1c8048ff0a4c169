using System.Security.Cryptography;
using System.Text;

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

    private ILookup<string, FlowNode>? boundaries;
    private ILookup<string, FlowNode>? children;

    /// <summary>SHA-256 of the XML: deploying a file whose hash equals the latest version's creates nothing.</summary>
    public string ContentHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Xml)));

    public FlowNode? Node(string id) => Nodes.GetValueOrDefault(id);

    public IEnumerable<FlowNode> StartEvents(string? parentId) =>
        ChildrenOf(parentId).Where(n => n.Kind == ElementKind.StartEvent);

    // Lookups rather than scans: validation asks these for every node, and a large file must not take quadratic time.
    public IEnumerable<FlowNode> BoundariesOf(string activityId) =>
        (boundaries ??= Nodes.Values.Where(n => n.Kind == ElementKind.BoundaryEvent && n.AttachedToRef is not null)
            .ToLookup(n => n.AttachedToRef!, StringComparer.Ordinal))[activityId];

    /// <summary>The nodes directly inside a sub-process, or at process level for null.</summary>
    public IEnumerable<FlowNode> ChildrenOf(string? subProcessId) =>
        (children ??= Nodes.Values.ToLookup(n => n.ParentId ?? "", StringComparer.Ordinal))[subProcessId ?? ""];

    /// <summary>Start events a domain event can trigger; the host matches them against the events it publishes.</summary>
    public IEnumerable<FlowNode> MessageStarts =>
        StartEvents(null).Where(n => n.Event == EventKind.Message && n.Message is not null);

    /// <summary>Start events the host must schedule.</summary>
    public IEnumerable<FlowNode> TimerStarts =>
        StartEvents(null).Where(n => n.Event == EventKind.Timer && n.Timer is not null);
}

public sealed record ValidationError(string Element, string Message);
