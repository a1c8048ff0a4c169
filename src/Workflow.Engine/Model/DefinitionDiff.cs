using System.Text.Json;

namespace Workflow.Engine.Model;

public sealed record ElementChange(string Id, string Change);

/// <summary>What an administrator needs to see between two versions before publishing or migrating.</summary>
public sealed record DefinitionDiff(
    IReadOnlyList<ElementChange> Added,
    IReadOnlyList<ElementChange> Removed,
    IReadOnlyList<ElementChange> Changed,
    bool DiagramChanged)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0 && !DiagramChanged;

    public static DefinitionDiff Compare(ProcessDefinition from, ProcessDefinition to)
    {
        var before = Describe(from);
        var after = Describe(to);
        var added = after.Keys.Except(before.Keys).Order(StringComparer.Ordinal)
            .Select(id => new ElementChange(id, $"added {after[id].Kind}")).ToList();
        var removed = before.Keys.Except(after.Keys).Order(StringComparer.Ordinal)
            .Select(id => new ElementChange(id, $"removed {before[id].Kind}")).ToList();
        var changed = before.Keys.Intersect(after.Keys).Order(StringComparer.Ordinal)
            .Where(id => before[id].Json != after[id].Json)
            .Select(id => new ElementChange(id, Explain(before[id], after[id]))).ToList();
        var modelChanged = added.Count + removed.Count + changed.Count > 0 || from.Id != to.Id || from.Name != to.Name;
        // Same model and different text means someone moved shapes (or only reformatted); worth saying, not worth a migration.
        var diagramChanged = !modelChanged && from.Xml != to.Xml;
        if (from.Id != to.Id || from.Name != to.Name)
            changed.Insert(0, new ElementChange(to.Id, $"process renamed from '{from.Id}' ({from.Name}) to '{to.Id}' ({to.Name})"));
        return new DefinitionDiff(added, removed, changed, diagramChanged);
    }

    private sealed record Description(string Kind, string Json, IReadOnlyDictionary<string, string> Parts);

    private static Dictionary<string, Description> Describe(ProcessDefinition definition)
    {
        var all = new Dictionary<string, Description>(StringComparer.Ordinal);
        foreach (var node in definition.Nodes.Values)
        {
            var parts = new Dictionary<string, string>
            {
                ["kind"] = $"{node.Event} {node.Kind}",
                ["name"] = node.Name ?? "",
                ["place"] = $"{node.ParentId} {node.AttachedToRef} {node.CancelActivity}",
                ["settings"] = JsonSerializer.Serialize(new { node.Timer, node.Message, node.Error, node.UserTask, node.ServiceTask, node.DefaultFlowId }),
            };
            all[node.Id] = new Description(node.Kind.ToString(), JsonSerializer.Serialize(parts), parts);
        }
        foreach (var flow in definition.Flows.Values)
        {
            var parts = new Dictionary<string, string>
            {
                ["kind"] = "SequenceFlow",
                ["ends"] = $"{flow.SourceRef} -> {flow.TargetRef}",
                ["condition"] = flow.Condition ?? "",
                ["place"] = flow.ParentId ?? "",
            };
            all[flow.Id] = new Description("SequenceFlow", JsonSerializer.Serialize(parts), parts);
        }
        return all;
    }

    private static string Explain(Description before, Description after) =>
        "changed " + string.Join(", ", before.Parts.Keys.Where(k => before.Parts[k] != after.Parts.GetValueOrDefault(k)));
}
