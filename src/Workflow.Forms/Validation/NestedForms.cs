using System.Text.Json.Nodes;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Validation;

/// <summary>
/// When core walks into a nested form (a "form" component, model dataObject), as its
/// shouldProcessComponent decides. The form's own components are those written inline in the
/// schema: core's dereference step loads a referenced form from its database, which a library
/// without one cannot do, so a nested form with no inline components has nothing to validate.
/// </summary>
internal static class NestedForms
{
    public static bool IsWalked(FormComponent form, JsonNode? value, FormValidator.Level level)
    {
        // A submission reference ({_id}) with no data and no form: the server loads it, nothing to check here.
        var reference = value is JsonObject o && Js.IsTruthy(o["_id"]) && IsEmpty(o["data"]) && !o.ContainsKey("form");
        var cleared = form.ClearOnHide && (form.Hidden || level.ConditionallyHidden) && !form.ValidateWhenHidden;
        // An empty nested form in a grid row is not walked.
        var emptyInRow = !Js.IsTruthy(value) && level.InRow;
        return !(reference || cleared || emptyInRow);
    }

    /// <summary>
    /// core's filter step, after the form's children: a value the form has (even null) becomes
    /// {…, data: the children's values}. Here it is applied where the children wrote nothing: a
    /// form not walked, or whose value or data was not an object, gets empty data; later
    /// conditions read it so.
    /// </summary>
    public static void Filter(FormComponent form, JsonObject scope)
    {
        if (!scope.TryGetPropertyValue(form.Key, out var value)) return;
        if (value is JsonObject holder) holder["data"] = new JsonObject();
        else scope[form.Key] = new JsonObject { ["data"] = new JsonObject() };
    }

    // lodash isEmpty: no own keys, no items, no characters; numbers and booleans count as empty.
    private static bool IsEmpty(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Count == 0,
        JsonArray array => array.Count == 0,
        JsonValue when Js.AsString(node) is { } s => s.Length == 0,
        _ => true,
    };
}
