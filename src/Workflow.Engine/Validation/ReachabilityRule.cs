using Workflow.Engine.Model;

namespace Workflow.Engine.Validation;

internal static class ReachabilityRule
{
    public static void Check(ProcessDefinition definition, List<ValidationError> errors)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<FlowNode>(definition.StartEvents(null));
        while (pending.TryDequeue(out var node))
        {
            if (!reached.Add(node.Id))
                continue;
            var next = node.Outgoing
                .Select(id => definition.Node(definition.Flows[id].TargetRef))
                .Concat(definition.BoundariesOf(node.Id))
                .Concat(node.Kind == ElementKind.SubProcess ? definition.StartEvents(node.Id) : []);
            foreach (var target in next)
            {
                if (target is not null)
                    pending.Enqueue(target);
            }
        }
        foreach (var node in definition.Nodes.Values.Where(n => !reached.Contains(n.Id)))
            errors.Add(new(node.Id, "the element cannot be reached from any start event"));
    }
}
