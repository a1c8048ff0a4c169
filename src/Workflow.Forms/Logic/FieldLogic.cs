using System.Text.Json.Nodes;
using Workflow.Forms.Conditions;
using Workflow.Forms.JsonLogic;
using Workflow.Forms.Schema;
using Workflow.Forms.Scripting;

namespace Workflow.Forms.Logic;

/// <summary>What a component's logic did at one place in the data.</summary>
/// <param name="Component">The component as the logic left it (the same one when no action changed it).</param>
/// <param name="Hidden">The hidden state an action set, which replaces the conditions' verdict, as in core.</param>
/// <param name="Value">The value a value action wrote, when ValueSet.</param>
internal sealed record LogicOutcome(FormComponent Component, bool? Hidden, bool ValueSet, JsonNode? Value, IReadOnlyList<string> Failures);

/// <summary>
/// A component's <c>logic</c>, as core's logic processor runs it after the conditions: each item's trigger
/// (simple, javascript, json; event triggers come from the browser and never fire on the server) and, when it
/// fires, its actions in order: property (boolean such as hidden, disabled, validate.required; or text),
/// value, mergeComponentSchema and customAction.
/// Core changes the form's component object itself, so that a change made in one grid row stays for the later
/// rows; here a change holds for the place being validated only (see docs/forms.md).
/// </summary>
internal sealed class FieldLogic(ConditionEvaluator conditions, ScriptSandbox scripts)
{
    public static bool Has(FormComponent c) => c.Json["logic"] is JsonArray { Count: > 0 };

    public LogicOutcome Apply(FormComponent component, ConditionScope scope, bool present, bool conditionallyHidden)
    {
        var run = new Run(component, scope, present, conditionallyHidden, conditions, scripts);
        foreach (var item in ((JsonArray)component.Json["logic"]!).OfType<JsonObject>())
            run.Item(item);
        return run.Outcome();
    }

    private sealed class Run(FormComponent original, ConditionScope scope, bool present, bool conditionallyHidden, ConditionEvaluator conditions, ScriptSandbox scripts)
    {
        private JsonObject json = original.Json;
        private bool cloned;
        private bool? hidden;
        private bool valueSet;
        private JsonNode? value = scope.Value;
        private readonly List<string> failures = [];

        private FormComponent? current;

        private FormComponent Current => current ??= cloned ? new FormComponent(json, original.Type, original.Key, original.Model, original.Children) : original;

        private ConditionScope Scope => scope with { Value = value };

        public LogicOutcome Outcome() => new(Current, hidden, valueSet, value, failures);

        public void Item(JsonObject item)
        {
            if (item["trigger"] is not JsonObject trigger || item["actions"] is not JsonArray { Count: > 0 } actions) return;
            var (fired, result) = Trigger(trigger);
            if (!fired) return;
            foreach (var action in actions.OfType<JsonObject>())
            {
                switch (Js.AsString(action["type"]))
                {
                    case "property":
                        Property(action, result);
                        break;
                    case "value":
                        Value(action["value"], result);
                        break;
                    case "customAction":
                        Value(action["customAction"], result);
                        break;
                    case "mergeComponentSchema":
                        Merge(action, result);
                        break;
                }
            }
        }

        private (bool Fired, JsonNode? Result) Trigger(JsonObject trigger)
        {
            switch (Js.AsString(trigger["type"]))
            {
                case "simple" when trigger["simple"] is JsonObject simple:
                    var shown = conditions.Check(simple, Scope);
                    return (shown, JsonValue.Create(shown));
                case "javascript" when Js.AsString(trigger["javascript"]) is { Length: > 0 } script:
                    // core runs "result = true; <script>": a script that sets nothing fires.
                    var ran = scripts.Run(script, "result", JsonValue.Create(true), Variables(null));
                    if (ran.Failed)
                    {
                        failures.Add(ran.Failure!);
                        return (false, null);
                    }
                    return (ran.Json is not null && Js.IsTruthy(ran.Json), ran.Json);
                case "json" when trigger["json"] is JsonObject or JsonArray:
                    var result = JsValue.ToNode(JsonLogicEvaluator.Run(trigger["json"], LogicData.For(Current, Scope), scripts.Clock));
                    return (Js.IsTruthy(result) || result is JsonArray or JsonObject, result);
                default:
                    return (false, null);
            }
        }

        private void Property(JsonObject action, JsonNode? result)
        {
            if (action["property"] is not JsonObject property || Js.AsString(property["value"]) is not { Length: > 0 } name) return;
            switch (Js.AsString(property["type"]))
            {
                case "boolean":
                    // core compares the texts of the current and new values and sets a boolean.
                    var current = ComponentPath.Get(json, name, out var found);
                    var currentText = !found ? "false" : current is null ? "null" : Js.ToJsString(current);
                    var newText = Js.ToJsString(action["state"]);
                    if (currentText == newText) return;
                    Write(name, JsonValue.Create(newText == "true"));
                    if (name == "hidden") hidden = newText == "true";
                    break;
                case "string":
                    var textKey = Js.AsString(property["component"]);
                    var template = Js.ToJsString(textKey is { Length: > 0 } ? action[textKey] : action["text"]);
                    var variables = Variables(result);
                    var text = ScriptTemplate.Interpolate(template, variables);
                    var before = ComponentPath.Get(json, name, out _);
                    if (Js.AsString(before) == text) return;
                    Write(name, JsonValue.Create(text));
                    break;
            }
        }

        private void Value(JsonNode? expression, JsonNode? result)
        {
            JsonNode? computed;
            if (expression is JsonObject or JsonArray)
            {
                var data = LogicData.For(Current, Scope);
                data["result"] = JsValue.From(result);
                computed = JsValue.ToNode(JsonLogicEvaluator.Run(expression, data, scripts.Clock));
            }
            else if (Js.AsString(expression) is { Length: > 0 } script)
            {
                var ran = scripts.Run(script, "value", value?.DeepClone(), Variables(result));
                if (ran.Failed)
                {
                    failures.Add(ran.Failure!);
                    return;
                }
                computed = ran.Json;
            }
            else
            {
                return;
            }
            var old = valueSet || present ? value : null;
            if (Js.DeepEquals(old, computed)) return;
            // core leaves the value of a conditionally hidden component alone when it is cleared on hide.
            if (Current.ClearOnHide && (hidden ?? conditionallyHidden)) return;
            value = computed;
            valueSet = true;
        }

        private void Merge(JsonObject action, JsonNode? result)
        {
            if (Js.AsString(action["schemaDefinition"]) is not { Length: > 0 } script) return;
            var ran = scripts.Run(script, "schema", null, Variables(result));
            if (ran.Failed)
            {
                failures.Add(ran.Failure!);
                return;
            }
            if (ran.Json is not JsonObject schema) return;
            foreach (var (name, node) in schema)
            {
                if (Js.DeepEquals(json[name], node) && json.ContainsKey(name)) continue;
                // Unlike a hidden property action, a merged hidden hides without counting as conditionally hidden (core records no conditional).
                Clone();
                json[name] = node?.DeepClone();
                current = null;
            }
        }

        private void Write(string path, JsonNode? node)
        {
            Clone();
            ComponentPath.Set(json, path, node);
            current = null;
        }

        private void Clone()
        {
            if (cloned) return;
            json = (JsonObject)json.DeepClone();
            cloned = true;
        }

        private Dictionary<string, JsonNode?> Variables(JsonNode? result)
        {
            var variables = ConditionEvaluator.Variables(Current, Scope);
            variables["result"] = result;
            return variables;
        }
    }
}
