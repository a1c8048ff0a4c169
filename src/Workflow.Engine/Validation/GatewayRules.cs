using Workflow.Engine.Model;

namespace Workflow.Engine.Validation;

internal static class GatewayRules
{
    public static void Check(ProcessDefinition definition, List<ValidationError> errors)
    {
        foreach (var flow in definition.Flows.Values)
        {
            var source = definition.Node(flow.SourceRef);
            if (flow.Condition is not null && source is not null && source.Kind != ElementKind.ExclusiveGateway)
                errors.Add(new(flow.Id, "only flows leaving an exclusive gateway may carry a condition"));
        }
        foreach (var node in definition.Nodes.Values)
        {
            if (node.DefaultFlowId is not null && node.Kind != ElementKind.ExclusiveGateway)
                errors.Add(new(node.Id, "only an exclusive gateway may have a default flow"));
            if (node.Kind == ElementKind.ExclusiveGateway)
                CheckExclusive(definition, node, errors);
            if (node.Kind == ElementKind.EventBasedGateway)
                CheckEventBased(definition, node, errors);
        }
    }

    private static void CheckExclusive(ProcessDefinition definition, FlowNode gateway, List<ValidationError> errors)
    {
        if (gateway.DefaultFlowId is not null && !gateway.Outgoing.Contains(gateway.DefaultFlowId))
            errors.Add(new(gateway.Id, $"the default flow '{gateway.DefaultFlowId}' does not leave this gateway"));
        if (gateway.Outgoing.Count < 2)
            return;
        foreach (var flowId in gateway.Outgoing)
        {
            var flow = definition.Flows[flowId];
            if (flowId != gateway.DefaultFlowId && flow.Condition is null)
                errors.Add(new(flowId, $"the flow leaves exclusive gateway '{gateway.Id}' without a condition and is not its default flow"));
            if (flowId == gateway.DefaultFlowId && flow.Condition is not null)
                errors.Add(new(flowId, "a default flow cannot carry a condition"));
        }
    }

    private static void CheckEventBased(ProcessDefinition definition, FlowNode gateway, List<ValidationError> errors)
    {
        if (gateway.Outgoing.Count < 2)
            errors.Add(new(gateway.Id, "an event-based gateway needs at least two outgoing flows"));
        foreach (var flowId in gateway.Outgoing)
        {
            var target = definition.Node(definition.Flows[flowId].TargetRef);
            if (target is null)
                continue;
            if (target.Kind != ElementKind.IntermediateCatchEvent)
                errors.Add(new(flowId, "an event-based gateway may only lead to intermediate message or timer catch events"));
            else if (target.Incoming.Count > 1)
                errors.Add(new(target.Id, "an event after an event-based gateway cannot have other incoming flows"));
        }
    }
}
