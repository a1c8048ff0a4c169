using Workflow.Engine.Model;

namespace Workflow.Engine.Validation;

internal static class StructureRules
{
    public static void Check(ProcessDefinition definition, List<ValidationError> errors)
    {
        if (!definition.StartEvents(null).Any())
            errors.Add(new(definition.Id, "the process has no start event"));
        foreach (var flow in definition.Flows.Values)
            CheckFlow(definition, flow, errors);
        foreach (var node in definition.Nodes.Values)
            CheckNode(definition, node, errors);
    }

    private static void CheckFlow(ProcessDefinition definition, SequenceFlow flow, List<ValidationError> errors)
    {
        var source = definition.Node(flow.SourceRef);
        var target = definition.Node(flow.TargetRef);
        if (source is null)
            errors.Add(new(flow.Id, $"the flow's source '{flow.SourceRef}' does not exist"));
        if (target is null)
            errors.Add(new(flow.Id, $"the flow's target '{flow.TargetRef}' does not exist"));
        if (source is not null && source.ParentId != flow.ParentId || target is not null && target.ParentId != flow.ParentId)
            errors.Add(new(flow.Id, "the flow crosses a sub-process boundary"));
    }

    private static void CheckNode(ProcessDefinition definition, FlowNode node, List<ValidationError> errors)
    {
        switch (node.Kind)
        {
            case ElementKind.StartEvent or ElementKind.BoundaryEvent when node.Incoming.Count > 0:
                errors.Add(new(node.Id, "an event that starts a path cannot have incoming flows"));
                break;
            case ElementKind.EndEvent when node.Outgoing.Count > 0:
                errors.Add(new(node.Id, "an end event cannot have outgoing flows"));
                break;
        }
        if (node.Kind != ElementKind.EndEvent && node.Outgoing.Count == 0)
            errors.Add(new(node.Id, "the element has no outgoing flow; end the path with an end event"));
        if (node.Kind is not (ElementKind.StartEvent or ElementKind.BoundaryEvent) && node.Incoming.Count == 0)
            errors.Add(new(node.Id, "the element has no incoming flow"));
        if (node.Kind == ElementKind.SubProcess)
        {
            var starts = definition.StartEvents(node.Id).ToList();
            if (starts.Count != 1 || starts[0].Event != EventKind.None)
                errors.Add(new(node.Id, "a sub-process needs exactly one start event, without event definition"));
        }
        if (node.Kind == ElementKind.ParallelGateway && node.Incoming.Count > 1 && node.Outgoing.Count > 1)
            errors.Add(new(node.Id, "a parallel gateway either joins or forks; use two gateways"));
    }
}
