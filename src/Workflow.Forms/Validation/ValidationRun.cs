using System.Text.Json.Nodes;
using Workflow.Forms.Conditions;
using Workflow.Forms.Schema;
using Workflow.Forms.Scripting;

namespace Workflow.Forms.Validation;

/// <summary>One validation: the walk over the components, in document order, and the errors it finds.</summary>
internal sealed partial class ValidationRun(JsonObject data, ConditionEvaluator conditions, ScriptSandbox scripts, FormValidatorOptions options)
{
    private readonly ErrorList errors = new();

    public IReadOnlyList<ValidationError> Errors => errors.Items;

    public void Walk(IEnumerable<FormComponent> components, FormValidator.Level level)
    {
        foreach (var component in components)
            Visit(component, level);
    }

    private void Visit(FormComponent c, FormValidator.Level level)
    {
        var path = c.HasData ? level.Prefix + c.Key : level.Prefix.TrimEnd('.');
        var present = level.Scope.TryGetPropertyValue(c.Key, out var value) && c.HasData;
        if (!present) value = null;
        // core's filter flag: whether the value is kept in the data the parent is validated with.
        var kept = present;
        JsonObject? defaultRecord = null;
        if (DefaultValue.Applies(c, present))
        {
            (value, present) = WriteDefault(c, path, value, level);
            kept = present;
            if (present) defaultRecord = new JsonObject { ["path"] = path, ["value"] = value!.DeepClone() };
        }
        if (Calculation.Applies(c, present, level.ParentIsGrid))
        {
            var (calculated, calculationFailure) = Calculation.Run(c, new ConditionScope(data, level.Row, level.RowIndex, value), scripts);
            if (calculationFailure is not null) errors.Add(c, path, new("script", "calculateValue", calculationFailure));
            if (calculated is not null)
            {
                level.Attach?.Invoke();
                level.Scope[c.Key] = calculated;
                (value, present, kept) = (calculated, true, true);
            }
        }
        var scope = new ConditionScope(data, level.Row, level.RowIndex, value);
        var conditionallyHidden = level.ConditionallyHidden;
        if (!conditionallyHidden)
        {
            var (hidden, failure) = conditions.IsHidden(c, scope);
            if (failure is not null) errors.Add(c, path, new("script", "customConditional", failure));
            conditionallyHidden = hidden;
        }
        var intentionallyHidden = level.IntentionallyHidden || c.Hidden;
        if (c.HasData)
            (value, present, kept) = Normalize(c, value, present, kept, defaultRecord, level);
        if (conditionallyHidden && present && c.ClearOnHide)
        {
            level.Scope.Remove(c.Key);
            value = null;
            present = false;
            kept = false;
        }
        var skipped = !c.IsInput || c.IsValueHidden || (!c.ValidateWhenHidden && (conditionallyHidden || intentionallyHidden));
        var scopes = new List<(int? Row, JsonObject Scope)>();
        Descend(c, path, value, present, level with { ConditionallyHidden = conditionallyHidden, IntentionallyHidden = intentionallyHidden, ParentIsGrid = false }, scopes);
        if (!c.HasData) return;
        // core validates after the children (postProcess), which may have written into the value.
        if (c.Children.Count > 0) value = level.Scope.TryGetPropertyValue(c.Key, out var after) ? after : null;
        else if (c.Type == "number" && !present)
            value = NullNumber(c, level);
        value = Filter(c, value, kept && level.Scope.ContainsKey(c.Key), level, scopes);
        new ComponentRules(c, path, value, level, data, scripts, options, errors).Run(skipped);
    }

    private (JsonNode? Value, bool Present) WriteDefault(FormComponent c, string path, JsonNode? value, FormValidator.Level level)
    {
        var (initial, failure) = DefaultValue.Of(c, new ConditionScope(data, level.Row, level.RowIndex, value), scripts);
        if (failure is not null) errors.Add(c, path, new("script", "customDefaultValue", failure));
        if (initial is null) return (value, false);
        level.Attach?.Invoke();
        level.Scope[c.Key] = initial;
        return (initial, true);
    }

    private static (JsonNode? Value, bool Present, bool Kept) Normalize(FormComponent c, JsonNode? value, bool present, bool kept, JsonObject? defaultRecord, FormValidator.Level level)
    {
        var normalized = Normalization.Run(c, value, present, defaultRecord);
        if (normalized.Dropped) kept = false;
        if (!normalized.Changed) return (value, present, kept);
        level.Attach?.Invoke();
        level.Scope[c.Key] = normalized.Value;
        return (normalized.Value, true, kept || !normalized.Dropped);
    }

    /// <summary>
    /// core's filter step writes null for a number without a value (even a cleared one) before
    /// validating it; later conditions read that null, and grids or containers it is written
    /// under come into being, as lodash set makes them.
    /// </summary>
    private static JsonNode? NullNumber(FormComponent c, FormValidator.Level level)
    {
        level.Attach?.Invoke();
        level.Scope[c.Key] = null;
        return null;
    }

    private void Descend(FormComponent c, string path, JsonNode? value, bool present, FormValidator.Level level, List<(int? Row, JsonObject Scope)> scopes)
    {
        if (c.Children.Count == 0) return;
        switch (c.Model)
        {
            case ModelType.Object:
                // core walks a container's children even when its value is missing or not an object.
                if (value is JsonObject container)
                {
                    scopes.Add((null, container));
                    Walk(c.Children, level with { Scope = container, Prefix = path + ".", Row = container });
                    break;
                }
                var stand = new JsonObject();
                scopes.Add((null, stand));
                var scope = level.Scope;
                Walk(c.Children, level with { Scope = stand, Prefix = path + ".", Row = stand, Attach = Attaching(level, () => scope[c.Key] = stand) });
                break;
            case ModelType.NestedArray when value is JsonArray { Count: > 0 } rows:
                for (var i = 0; i < rows.Count; i++)
                {
                    if (!Js.IsTruthy(rows[i])) continue;
                    if (rows[i] is JsonObject row)
                    {
                        scopes.Add((i, row));
                        WalkRow(c, path, row, i, level, level.Attach);
                        continue;
                    }
                    var standRow = new JsonObject();
                    var at = i;
                    scopes.Add((i, standRow));
                    WalkRow(c, path, standRow, i, level, Attaching(level, () => rows[at] = standRow));
                }
                break;
            case ModelType.NestedArray when !present:
                // With no value at all, core still visits the children once, keeping the enclosing
                // row's index: required fields of an absent grid fail at grid[0], or grid[i] inside row i of another grid.
                var index = level.RowIndex ?? 0;
                var absentRow = new JsonObject();
                var parent = level.Scope;
                scopes.Add((index, absentRow));
                WalkRow(c, path, absentRow, index, level, Attaching(level, () =>
                {
                    var created = new JsonArray();
                    for (var k = 0; k < index; k++) created.Add(null);
                    created.Add(absentRow);
                    // lodash set leaves holes before the row it writes.
                    Rules.GridHoles.Mark(created);
                    parent[c.Key] = created;
                }));
                break;
            case ModelType.NestedArray:
                break;
            default:
                Walk(c.Children, level);
                break;
        }
    }

    private void WalkRow(FormComponent grid, string path, JsonObject row, int index, FormValidator.Level level, Action? attach)
    {
        Walk(grid.Children, level with { Scope = row, Prefix = $"{path}[{index}].", Row = row, RowIndex = index, ParentIsGrid = true, Attach = attach });
    }

    private static Action Attaching(FormValidator.Level level, Action write)
    {
        var done = false;
        return () =>
        {
            if (done) return;
            done = true;
            level.Attach?.Invoke();
            write();
        };
    }

}
