using System.Text.Json.Nodes;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

/// <summary>
/// An address component's value: the provider's object (Google, Azure, Nominatim, …) or, with
/// `enableManualMode`, {mode, address}. core's normalize wraps any other truthy value of a single
/// address with manual mode enabled as {mode: "autocomplete", address: value}; its required rule
/// and its conditions then read that value.
/// </summary>
public static class AddressValue
{
    /// <summary>The value as core's normalize leaves it.</summary>
    public static JsonNode? Normalized(FormComponent component, JsonNode? value)
    {
        var hasMode = value is JsonObject o && Js.IsTruthy(o["mode"]);
        var wrap = !component.Multiple && Js.IsTruthy(component.Json["enableManualMode"]) && Js.IsTruthy(value) && !hasMode;
        return wrap ? new JsonObject { ["mode"] = "autocomplete", ["address"] = value!.DeepClone() } : value;
    }

    /// <summary>core's normalize step: the data gets the normalized value, which conditions read from then on.</summary>
    public static JsonNode? Normalize(FormComponent component, JsonObject scope, JsonNode? value)
    {
        var normalized = Normalized(component, value);
        if (!ReferenceEquals(normalized, value)) scope[component.Key] = normalized;
        return normalized;
    }

    /// <summary>The {mode, address} object core's required rule reads, or null when the value is not one.</summary>
    public static JsonObject? Manual(FormComponent component, JsonNode? value) =>
        Normalized(component, value) is JsonObject n && Js.IsTruthy(n["mode"]) && n["address"] is JsonObject or JsonArray ? n : null;

    /// <summary>Required: every part of the address but address2 is filled.</summary>
    public static bool IsComplete(JsonObject manual) => manual["address"] switch
    {
        // An array's parts are its items (keys "0", "1", …): none is address2.
        JsonArray parts => parts.All(Js.IsTruthy),
        JsonObject { Count: 0 } => false,
        JsonObject parts => parts.Where(kv => kv.Key != "address2").All(kv => Js.IsTruthy(kv.Value)),
        _ => false,
    };

    /// <summary>
    /// The isEmpty condition operator (core's isComponentDataEmpty): no truthy member besides
    /// mode and address, so a {mode, address} value, manual or wrapped, is always empty. core
    /// throws on a missing value (Object.keys of undefined); it counts as empty here.
    /// </summary>
    public static bool IsEmptyForConditions(FormComponent component, JsonNode? value)
    {
        var members = Normalized(component, value) switch
        {
            JsonObject o => o.Where(kv => kv.Key is not ("mode" or "address")).Select(kv => kv.Value),
            JsonArray a => a.AsEnumerable(),
            JsonValue v when Js.AsString(v) is { } s => s.Select(ch => (JsonNode?)JsonValue.Create(ch.ToString())),
            _ => [],
        };
        return !members.Any(Js.IsTruthy);
    }
}
