using System.Text.Json.Nodes;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

/// <summary>
/// An address component's value: the provider's object (Google, Azure, Nominatim, …) or, with
/// `enableManualMode`, {mode, address}. core's normalize wraps any other truthy value of a single
/// address with manual mode enabled as {mode: "autocomplete", address: value}; its required rule
/// then asks, when that address is an object (or an array), that every part but address2 be filled.
/// </summary>
public static class AddressValue
{
    /// <summary>The {mode, address} object core's required rule reads, or null when the value is not one.</summary>
    public static JsonObject? Manual(FormComponent component, JsonNode? value)
    {
        var hasMode = value is JsonObject o && Js.IsTruthy(o["mode"]);
        var wrap = !component.Multiple && Js.IsTruthy(component.Json["enableManualMode"]) && Js.IsTruthy(value) && !hasMode;
        var normalized = wrap ? new JsonObject { ["mode"] = "autocomplete", ["address"] = value!.DeepClone() } : value;
        return normalized is JsonObject n && Js.IsTruthy(n["mode"]) && n["address"] is JsonObject or JsonArray ? n : null;
    }

    public static bool IsComplete(JsonObject manual) => manual["address"] switch
    {
        // An array's parts are its items (keys "0", "1", …): none is address2.
        JsonArray parts => parts.All(Js.IsTruthy),
        JsonObject { Count: 0 } => false,
        JsonObject parts => parts.Where(kv => kv.Key != "address2").All(kv => Js.IsTruthy(kv.Value)),
        _ => false,
    };
}
