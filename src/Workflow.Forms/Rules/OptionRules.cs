using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

/// <summary>validate.onlyAvailableItems on radio, select (static values or JSON) and select boxes.</summary>
internal sealed class AvailableItemsRule : IRule
{
    public bool ShouldProcess(RuleContext c)
    {
        if (Js.IsNull(c.Value) || Js.LodashIsEmpty(c.Value)) return false;
        if (!Js.IsTruthy(c.Component.Validate?["onlyAvailableItems"])) return false;
        return c.Component.Type switch
        {
            "radio" or "selectboxes" => true,
            "select" => c.Component.Setting("dataSrc") != "resource",
            _ => false,
        };
    }

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c)) return null;
        var error = new RuleFailure("invalidOption", "onlyAvailableItems");
        var json = c.Component.Json;
        switch (c.Component.Type)
        {
            case "radio" when c.Component.Setting("dataSrc") != "url":
                if (json["values"] is not JsonArray values) return null;
                return values.Any(o => Js.StrictEquals(o?["value"], c.Value)) ? null : error;
            case "select":
                var options = SelectValues(c.Component);
                if (options is null) return null;
                if (c.Value is JsonObject or JsonArray)
                    return options.Any(o => o is JsonObject or JsonArray && o.ToJsonString() == c.Value.ToJsonString()) ? null : error;
                return options.Any(o => Js.StrictEquals(o, c.Value)) ? null : error;
            case "selectboxes" when c.Component.Setting("dataSrc") != "url":
                if (json["values"] is not JsonArray boxes) return null;
                // Object.keys of an array are its indexes; of anything else but an object, nothing is checked.
                var keys = c.Value switch
                {
                    JsonObject o => o.Select(kv => kv.Key).ToList(),
                    JsonArray a => Enumerable.Range(0, a.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                    _ => null,
                };
                if (keys is null) return null;
                // lodash difference compares with ===: a numeric option value never equals an object key.
                var allowed = boxes.Select(b => Js.AsString(b?["value"])).OfType<string>().ToHashSet(StringComparer.Ordinal);
                return keys.Any(k => !allowed.Contains(k)) ? error : null;
        }
        return null;
    }

    // null where core cannot list the options (url, custom JS, malformed data) and so does not judge.
    private static List<JsonNode?>? SelectValues(FormComponent select)
    {
        var data = select.Json["data"] as JsonObject;
        var source = select.Setting("dataSrc");
        if (source is null && data?.ContainsKey("values") == true) source = "values";
        var valueProperty = select.Setting("valueProperty");
        switch (source)
        {
            case "values":
                return data?["values"] is JsonArray values ? values.Select(v => v?["value"]).ToList() : null;
            case "json":
                var items = data?["json"] switch
                {
                    JsonArray a => a,
                    JsonValue v when Js.AsString(v) is { } text => TryParseArray(text),
                    _ => null,
                };
                return items?.Select(i => string.IsNullOrEmpty(valueProperty) ? i : i?[valueProperty]).ToList();
            default:
                return null;
        }
    }

    private static JsonArray? TryParseArray(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonArray;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

internal abstract class SelectedCountRule(string setting, bool minimum) : IRule
{
    public bool ShouldProcess(RuleContext c) =>
        Setting.Has(c, setting) && Js.IsTruthy(c.Value) && Setting.Usable(Setting.Of(c, setting, false));

    public RuleFailure? Process(RuleContext c)
    {
        if (!ShouldProcess(c)) return null;
        // core throws, and drops, on a value that is not an object of booleans.
        if (c.Value is not JsonObject o || o.Any(kv => !Js.IsBoolean(kv.Value))) return null;
        var limit = Setting.Of(c, setting, false)!.Value;
        var count = o.Count(kv => Js.IsTruthy(kv.Value));
        if (count <= 0) return null;
        var failed = minimum ? count < limit : count > limit;
        if (!failed) return null;
        var message = c.Component.Setting(setting + "Message") is { Length: > 0 } m ? m : setting;
        // core names the maximum's rule after its message, the minimum's after the rule.
        return new(message, minimum ? setting : message, Setting.Text(limit));
    }
}

internal sealed class MinSelectedCountRule() : SelectedCountRule("minSelectedCount", minimum: true);

internal sealed class MaxSelectedCountRule() : SelectedCountRule("maxSelectedCount", minimum: false);
