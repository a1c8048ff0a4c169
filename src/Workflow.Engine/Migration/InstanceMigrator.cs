using Workflow.Engine.Model;
using Workflow.Engine.State;

namespace Workflow.Engine.Migration;

public sealed record MigrationResult(InstanceState? State, IReadOnlyList<Effect> Effects, IReadOnlyList<ValidationError> Errors)
{
    public bool Succeeded => State is not null;
}

/// <summary>
/// Moves a running instance from one definition to another. Only where tokens stand moves: nothing
/// already done runs again, and waits keep their ids so the host's tasks and timers stay valid.
/// </summary>
public static class InstanceMigrator
{
    /// <param name="mapping">Element ids of the source mapped to the target; ids not listed map to themselves.</param>
    public static IReadOnlyList<ValidationError> Validate(
        InstanceState state, ProcessDefinition source, ProcessDefinition target, IReadOnlyDictionary<string, string>? mapping = null)
    {
        var map = new ElementMap(mapping);
        var errors = new List<ValidationError>();
        if (state.ProcessId != source.Id)
            errors.Add(new(state.ProcessId, $"the instance does not run process '{source.Id}'"));
        if (state.Status != InstanceStatus.Running)
            errors.Add(new(state.ProcessId, "only running instances can be migrated"));
        foreach (var token in state.Tokens)
            CheckToken(state, token, source, target, map, errors);
        foreach (var wait in state.Waits.Where(w => source.Node(w.ElementId)?.Kind == ElementKind.IntermediateCatchEvent))
            CheckCatch(wait, source, target, map, errors);
        return errors;
    }

    public static MigrationResult Migrate(
        InstanceState state, ProcessDefinition source, ProcessDefinition target, IReadOnlyDictionary<string, string>? mapping,
        DateTimeOffset now, string? actor = null)
    {
        var errors = Validate(state, source, target, mapping);
        if (errors.Count > 0)
            return new MigrationResult(null, [], errors);

        var map = new ElementMap(mapping);
        var migrated = state.Clone();
        var effects = new List<Effect>();
        foreach (var token in migrated.Tokens)
        {
            token.ElementId = map[token.ElementId];
            if (token.ArrivedVia is not null)
                token.ArrivedVia = map[token.ArrivedVia];
        }
        foreach (var incident in migrated.Incidents)
            incident.ElementId = map[incident.ElementId];
        var waits = new WaitMigration(migrated, source, target, map.Of, effects, now);
        foreach (var wait in migrated.Waits.ToList())
            waits.Migrate(wait);
        waits.ScheduleNewBoundaryTimers();
        migrated.ProcessId = target.Id;
        migrated.Version++;
        migrated.Journal.Add(new JournalEntry
        {
            At = now, Kind = JournalKind.Migrated, Actor = actor,
            Message = $"migrated from '{source.Id}' to '{target.Id}'",
        });
        return new MigrationResult(migrated, effects, []);
    }

    private static void CheckToken(
        InstanceState state, Token token, ProcessDefinition source, ProcessDefinition target, ElementMap map, List<ValidationError> errors)
    {
        var from = source.Node(token.ElementId);
        var to = target.Node(map[token.ElementId]);
        if (from is null)
        {
            errors.Add(new(token.ElementId, "the token stands on an element the source definition does not have"));
            return;
        }
        if (to is null)
        {
            errors.Add(new(from.Id, $"maps to '{map[from.Id]}', which the target definition does not have"));
            return;
        }
        if (!Compatible(from, to))
            errors.Add(new(from.Id, $"a {Describe(from)} cannot become '{to.Id}', a {Describe(to)}"));
        if (token.Status == TokenStatus.Joining && token.ArrivedVia is { } flow && !to.Incoming.Contains(map[flow]))
            errors.Add(new(from.Id, $"the join waits on flow '{flow}', which does not lead into '{to.Id}' in the target"));
        var scope = token.ScopeId is { } scopeId ? state.Tokens.FirstOrDefault(t => t.Id == scopeId) : null;
        var expectedParent = scope is null ? null : map[scope.ElementId];
        if (to.ParentId != expectedParent)
            errors.Add(new(from.Id, $"'{to.Id}' is not inside '{expectedParent ?? "the process"}' in the target, as the token's scope requires"));
    }

    private static void CheckCatch(Wait wait, ProcessDefinition source, ProcessDefinition target, ElementMap map, List<ValidationError> errors)
    {
        var to = target.Node(map[wait.ElementId]);
        if (to is null || !Compatible(source.Nodes[wait.ElementId], to))
            errors.Add(new(wait.ElementId, $"the waiting event maps to '{map[wait.ElementId]}', which is not the same kind of event in the target"));
    }

    /// <summary>Whether a token or wait on <paramref name="from"/> may stand on <paramref name="to"/> after migration.</summary>
    public static bool Compatible(FlowNode from, FlowNode to) =>
        from.Kind == to.Kind && (from.Kind is not (ElementKind.IntermediateCatchEvent or ElementKind.BoundaryEvent) || from.Event == to.Event);

    public static string Describe(FlowNode node) =>
        node.Event == EventKind.None ? node.Kind.ToString() : $"{node.Event} {node.Kind}";

    private sealed class ElementMap(IReadOnlyDictionary<string, string>? mapping)
    {
        public string this[string id] => Of(id);

        public string Of(string id) => mapping?.GetValueOrDefault(id) ?? id;
    }
}
