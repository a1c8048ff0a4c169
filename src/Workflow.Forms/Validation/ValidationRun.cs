using System.Text.Json.Nodes;
using Workflow.Forms.Conditions;
using Workflow.Forms.Logic;
using Workflow.Forms.Rules;
using Workflow.Forms.Schema;
using Workflow.Forms.Scripting;

namespace Workflow.Forms.Validation;

/// <summary>One validation: the walk over the components, in document order, and the errors it finds.</summary>
internal sealed partial class ValidationRun(JsonObject data, ConditionEvaluator conditions, ScriptSandbox scripts, FormValidatorOptions options)
{
    private readonly ErrorList errors = new();
    private readonly FieldLogic logic = new(conditions, scripts);

    // A component without children has no scope below it to filter; shared, never written.
    private static readonly List<(int? Row, JsonObject Scope)> NoScopes = [];

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
            var (calculated, calculationFailure) = Calculation.Run(c, new ConditionScope(data, level.Row, level.RowIndex, value, level.Form), scripts);
            if (calculationFailure is not null) errors.Add(c, path, new("script", "calculateValue", calculationFailure));
            if (calculated is not null)
            {
                level.Attach?.Invoke();
                level.Scope[c.Key] = calculated;
                (value, present, kept) = (calculated, true, true);
            }
        }
        var scope = new ConditionScope(data, level.Row, level.RowIndex, value, level.Form);
        var conditionallyHidden = level.ConditionallyHidden;
        if (!conditionallyHidden)
        {
            var (hidden, failure) = conditions.IsHidden(c, scope);
            if (failure is not null) errors.Add(c, path, new("script", "customConditional", failure));
            conditionallyHidden = hidden;
        }
        if (FieldLogic.Has(c))
            (c, conditionallyHidden, value, present) = ApplyLogic(c, path, level, scope, value, present, conditionallyHidden);
        var intentionallyHidden = level.IntentionallyHidden || c.Hidden;
        if (present && c.Type == "address") value = AddressValue.Normalize(c, level.Scope, value);
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
        var scopes = c.Children.Count > 0 ? new List<(int? Row, JsonObject Scope)>() : NoScopes;
        Descend(c, path, value, present, level with { ConditionallyHidden = conditionallyHidden, IntentionallyHidden = intentionallyHidden, ParentIsGrid = false }, scopes);
        if (!c.HasData) return;
        // core validates after the children (postProcess), which may have written into the value;
        // a nested form's own value is judged as it was (NestedForms: only a missing one fails required).
        if (c.Children.Count > 0 && c.Model != ModelType.DataObject) value = level.Scope.TryGetPropertyValue(c.Key, out var after) ? after : null;
        else if (c.Type == "number" && !present)
            value = NullNumber(c, level);
        value = Filter(c, value, kept && level.Scope.ContainsKey(c.Key), level, scopes);
        new ComponentRules(c, path, value, level, data, scripts, options, errors).Run(skipped);
    }

    /// <summary>core's logic step, after the conditions: the component as its logic changes it here, and the value it sets.</summary>
    private (FormComponent, bool, JsonNode?, bool) ApplyLogic(FormComponent c, string path, FormValidator.Level level, ConditionScope scope, JsonNode? value, bool present, bool conditionallyHidden)
    {
        var outcome = logic.Apply(c, scope, present, conditionallyHidden);
        foreach (var failure in outcome.Failures)
            errors.Add(c, path, new("script", "logic", failure));
        if (outcome.Hidden is { } hidden) conditionallyHidden = level.ConditionallyHidden || hidden;
        if (outcome.ValueSet && c.HasData)
        {
            level.Attach?.Invoke();
            level.Scope[c.Key] = outcome.Value;
            (value, present) = (outcome.Value, true);
        }
        return (outcome.Component, conditionallyHidden, value, present);
    }

    private (JsonNode? Value, bool Present) WriteDefault(FormComponent c, string path, JsonNode? value, FormValidator.Level level)
    {
        var (initial, failure) = DefaultValue.Of(c, new ConditionScope(data, level.Row, level.RowIndex, value, level.Form), scripts);
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
            case ModelType.DataObject:
                DescendNestedForm(c, path, value, level);
                break;
            case ModelType.NestedDataArray:
                DescendDataItems(c, path, value, present, level);
                break;
            case ModelType.Object or ModelType.Map or ModelType.Any or ModelType.String or ModelType.Number or ModelType.Boolean:
                // core walks a container's children even when its value is missing or not an object;
                // any other component with a value and children (a custom type) nests them the same way.
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
                }), absent: true);
                break;
            case ModelType.NestedArray:
                break;
            default:
                Walk(c.Children, level);
                break;
        }
    }

    private void WalkRow(FormComponent grid, string path, JsonObject row, int index, FormValidator.Level level, Action? attach, bool absent = false)
    {
        Walk(grid.Children, level with { Scope = row, Prefix = $"{path}[{index}].", Row = row, RowIndex = index, ParentIsGrid = true, Attach = attach, InRow = level.InRow || !absent });
    }

    /// <summary>
    /// A nested form keeps its children's values under "data" (form.data.name). core skips it as
    /// its shouldProcessComponent says (NestedForms.IsWalked); otherwise it walks the children
    /// as for a container, creating the value's "data" only when something is written to it.
    /// </summary>
    private void DescendNestedForm(FormComponent form, string path, JsonNode? value, FormValidator.Level level)
    {
        if (!NestedForms.IsWalked(form, value, level))
        {
            NestedForms.Filter(form, level.Scope);
            return;
        }
        var inner = level with { Prefix = path + ".data." };
        if (value is JsonObject { } holder && holder["data"] is JsonObject formData)
        {
            Walk(form.Children, inner with { Scope = formData, Row = formData });
            return;
        }
        var stand = new JsonObject();
        var scope = level.Scope;
        var attached = false;
        Walk(form.Children, inner with
        {
            Scope = stand,
            Row = stand,
            Attach = Attaching(level, () =>
            {
                attached = true;
                if (value is JsonObject existing) existing["data"] = stand;
                else scope[form.Key] = new JsonObject { ["data"] = stand };
            }),
        });
        if (!attached) NestedForms.Filter(form, scope);
    }

    /// <summary>
    /// A tagpad's items keep their children's values under "data" (tagpad[0].data.name); as for a
    /// grid, falsy items are passed over and an absent value is walked once.
    /// </summary>
    private void DescendDataItems(FormComponent c, string path, JsonNode? value, bool present, FormValidator.Level level)
    {
        if (value is JsonArray { Count: > 0 } items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (!Js.IsTruthy(items[i])) continue;
                var item = items[i] as JsonObject;
                if (item?["data"] is JsonObject itemData)
                {
                    WalkDataItem(c, path, itemData, i, level, level.Attach);
                    continue;
                }
                var stand = new JsonObject();
                var at = i;
                WalkDataItem(c, path, stand, i, level, Attaching(level, () =>
                {
                    if (items[at] is JsonObject existing) existing["data"] = stand;
                    else items[at] = new JsonObject { ["data"] = stand };
                }));
            }
            return;
        }
        if (present) return;
        var index = level.RowIndex ?? 0;
        var absent = new JsonObject();
        var parent = level.Scope;
        WalkDataItem(c, path, absent, index, level, Attaching(level, () =>
        {
            var created = new JsonArray();
            for (var k = 0; k < index; k++) created.Add(null);
            created.Add(new JsonObject { ["data"] = absent });
            parent[c.Key] = created;
        }), absent: true);
    }

    private void WalkDataItem(FormComponent c, string path, JsonObject itemData, int index, FormValidator.Level level, Action? attach, bool absent = false)
    {
        Walk(c.Children, level with { Scope = itemData, Prefix = $"{path}[{index}].data.", Row = itemData, RowIndex = index, ParentIsGrid = true, Attach = attach, InRow = level.InRow || !absent });
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
