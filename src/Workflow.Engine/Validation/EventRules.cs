using Workflow.Engine.Model;

namespace Workflow.Engine.Validation;

/// <summary>Which event definitions the engine runs on which element, and where boundaries may sit.</summary>
internal static class EventRules
{
    public static void Check(ProcessDefinition definition, List<ValidationError> errors)
    {
        foreach (var node in definition.Nodes.Values)
        {
            var problem = node.Kind switch
            {
                ElementKind.StartEvent when node.ParentId is not null && node.Event != EventKind.None =>
                    "a sub-process start event cannot have an event definition",
                ElementKind.StartEvent when node.Event is not (EventKind.None or EventKind.Message or EventKind.Timer) =>
                    $"a {Describe(node.Event)} start event is not supported",
                ElementKind.EndEvent when node.Event is not (EventKind.None or EventKind.Terminate or EventKind.Error) =>
                    $"a {Describe(node.Event)} end event is not supported",
                ElementKind.IntermediateCatchEvent when node.Event is not (EventKind.Message or EventKind.Timer) =>
                    "an intermediate catch event must wait for a message or a timer",
                ElementKind.BoundaryEvent => Boundary(definition, node),
                ElementKind.UserTask or ElementKind.ServiceTask or ElementKind.SubProcess
                    or ElementKind.ExclusiveGateway or ElementKind.ParallelGateway or ElementKind.EventBasedGateway
                    when node.Event != EventKind.None => "this element cannot have an event definition",
                _ => null,
            };
            if (problem is not null)
                errors.Add(new(node.Id, problem));
        }
    }

    private static string? Boundary(ProcessDefinition definition, FlowNode node)
    {
        if (node.AttachedToRef is null)
            return "the boundary event is not attached to an activity";
        var host = definition.Node(node.AttachedToRef);
        if (host is null)
            return $"the boundary event is attached to '{node.AttachedToRef}', which does not exist";
        return node.Event switch
        {
            EventKind.Timer when host.Kind is ElementKind.UserTask or ElementKind.SubProcess => null,
            EventKind.Timer => "a timer boundary event can only be attached to a user task or a sub-process",
            EventKind.Error when host.Kind is ElementKind.ServiceTask or ElementKind.SubProcess =>
                node.CancelActivity ? null : "an error boundary event always interrupts",
            EventKind.Error => "an error boundary event can only be attached to a service task or a sub-process",
            _ => $"a {Describe(node.Event)} boundary event is not supported",
        };
    }

    private static string Describe(EventKind kind) => kind == EventKind.None ? "plain" : kind.ToString().ToLowerInvariant();
}
