using System.Text.Json.Nodes;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

/// <summary>
/// An address component's value: the provider's object (Google, Azure, Nominatim, …) or, with
/// `enableManualMode`, {mode, address}. core's normalize wraps a single address's provider object
/// as {mode: "autocomplete", address: value} when manual mode is enabled; its required rule then
/// asks that every part of the address but address2 be filled.
/// </summary>
public static class AddressValue
{
    /// <summary>The {mode, address} object core's required rule reads, or null when the value is not one.</summary>
    public static JsonObject? Manual(FormComponent component, JsonNode? value)
    {
        if (value is not JsonObject o) return null;
        var wrapped = !component.Multiple && Js.IsTruthy(component.Json["enableManualMode"]) && !Js.IsTruthy(o["mode"])
            ? new JsonObject { ["mode"] = "autocomplete", ["address"] = o.DeepClone() }
            : o;
        return Js.IsTruthy(wrapped["mode"]) && wrapped["address"] is JsonObject ? wrapped : null;
    }

    public static bool IsComplete(JsonObject manual)
    {
        var address = (JsonObject)manual["address"]!;
        return address.Count > 0 && address.Where(kv => kv.Key != "address2").All(kv => Js.IsTruthy(kv.Value));
    }
}
