using System.Xml.Linq;
using Workflow.Engine.Model;

namespace Workflow.Engine.Reading;

/// <summary>Turns the children of a process or sub-process into nodes and flows, noting what the engine cannot run.</summary>
internal sealed class ProcessBuilder(XElement root, List<ValidationError> problems)
{
    private static readonly Dictionary<string, ElementKind> Kinds = new(StringComparer.Ordinal)
    {
        ["startEvent"] = ElementKind.StartEvent,
        ["endEvent"] = ElementKind.EndEvent,
        ["userTask"] = ElementKind.UserTask,
        ["serviceTask"] = ElementKind.ServiceTask,
        ["exclusiveGateway"] = ElementKind.ExclusiveGateway,
        ["parallelGateway"] = ElementKind.ParallelGateway,
        ["eventBasedGateway"] = ElementKind.EventBasedGateway,
        ["intermediateCatchEvent"] = ElementKind.IntermediateCatchEvent,
        ["boundaryEvent"] = ElementKind.BoundaryEvent,
        ["subProcess"] = ElementKind.SubProcess,
    };

    private static readonly HashSet<string> JavaScript = new(StringComparer.OrdinalIgnoreCase)
    {
        "javascript", "ecmascript", "js", "text/javascript", "application/javascript",
    };

    private readonly EventDefinitionReader events = new(root, problems);
    private readonly ExtensionReader extensions = new(problems);

    public Dictionary<string, FlowNode> Nodes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SequenceFlow> Flows { get; } = new(StringComparer.Ordinal);

    /// <summary>Deeper nesting is refused rather than read, so that a hostile file cannot exhaust the stack.</summary>
    public const int MaxSubProcessDepth = 32;

    public void ReadContainer(XElement container, string? parentId, int depth = 0)
    {
        if (depth > MaxSubProcessDepth)
        {
            problems.Add(new(parentId ?? "process", $"sub-processes are nested deeper than {MaxSubProcessDepth} levels"));
            return;
        }
        foreach (var element in container.Elements())
        {
            var name = element.Name.LocalName;
            var id = (string?)element.Attribute("id");
            if (element.Name.Namespace != BpmnNames.Model)
            {
                problems.Add(new(id ?? parentId ?? "process", $"unsupported element '{element.Name}'"));
                continue;
            }
            if (BpmnNames.Decorations.Contains(name))
                continue;
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new(parentId ?? "process", $"a '{name}' element has no id"));
                continue;
            }
            if (Nodes.ContainsKey(id) || Flows.ContainsKey(id))
            {
                problems.Add(new(id, "the id is used by more than one element"));
                continue;
            }
            if (name == "sequenceFlow")
                ReadFlow(element, id, parentId);
            else if (Kinds.TryGetValue(name, out var kind))
                ReadNode(element, id, kind, parentId, depth);
            else
                problems.Add(new(id, $"unsupported element '{name}': the engine does not execute it"));
        }
    }

    private void ReadFlow(XElement element, string id, string? parentId)
    {
        var expression = element.Element(BpmnNames.Model + "conditionExpression");
        var language = (string?)expression?.Attribute("language");
        if (language is not null && !JavaScript.Contains(language))
            problems.Add(new(id, $"condition language '{language}' is not supported; conditions are JavaScript"));
        var condition = expression?.Value.Trim();
        Flows[id] = new SequenceFlow(
            id,
            (string?)element.Attribute("sourceRef") ?? "",
            (string?)element.Attribute("targetRef") ?? "",
            string.IsNullOrEmpty(condition) ? null : condition,
            parentId);
    }

    private void ReadNode(XElement element, string id, ElementKind kind, string? parentId, int depth)
    {
        RejectUnsupportedChildren(element, id);
        if ((string?)element.Attribute("triggeredByEvent") == "true")
            problems.Add(new(id, "event sub-processes are not supported"));

        var definition = events.Read(element, id);
        var node = new FlowNode
        {
            Id = id,
            Kind = kind,
            Name = (string?)element.Attribute("name"),
            ParentId = parentId,
            Event = definition.Kind,
            Timer = definition.Timer,
            Error = definition.Error,
            Message = definition.Kind == EventKind.Message ? extensions.ReadMessage(element, id, definition.MessageName) : null,
            UserTask = kind == ElementKind.UserTask ? extensions.ReadUserTask(element, id) : null,
            ServiceTask = kind == ElementKind.ServiceTask ? extensions.ReadServiceTask(element, id) : null,
            AttachedToRef = (string?)element.Attribute("attachedToRef"),
            CancelActivity = (string?)element.Attribute("cancelActivity") != "false",
            DefaultFlowId = (string?)element.Attribute("default"),
        };
        extensions.RejectUnexpected(element, id, AllowedExtensions(kind, node.Event));
        Nodes[id] = node;
        if (kind == ElementKind.SubProcess)
            ReadContainer(element, id, depth + 1);
    }

    private static string[] AllowedExtensions(ElementKind kind, EventKind eventKind) => kind switch
    {
        ElementKind.UserTask => ["taskDefinition"],
        ElementKind.ServiceTask => ["command", "input", "output"],
        _ when eventKind == EventKind.Message => ["message"],
        _ => [],
    };

    private void RejectUnsupportedChildren(XElement element, string id)
    {
        string[] unsupported =
        [
            "multiInstanceLoopCharacteristics", "standardLoopCharacteristics", "ioSpecification",
            "dataInputAssociation", "dataOutputAssociation", "property",
        ];
        foreach (var name in unsupported)
        {
            if (element.Element(BpmnNames.Model + name) is not null)
                problems.Add(new(id, $"'{name}' is not supported"));
        }
    }

    public void Link()
    {
        foreach (var flow in Flows.Values)
        {
            if (Nodes.TryGetValue(flow.SourceRef, out var source))
                source.OutgoingFlows.Add(flow.Id);
            if (Nodes.TryGetValue(flow.TargetRef, out var target))
                target.IncomingFlows.Add(flow.Id);
        }
    }
}
