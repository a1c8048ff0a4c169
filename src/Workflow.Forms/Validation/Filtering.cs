using System.Text.Json.Nodes;
using Workflow.Forms.Rules;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Validation;

/// <summary>
/// core's filter step, which runs on each component after its children and before its
/// validation: the values kept (submitted, defaulted, calculated or normalised, and neither
/// cleared nor normalised away) are copied into a filtered tree, and a container or grid that
/// has anything kept under it is replaced by its filtered copy, so a grid or container is
/// validated, and read by later conditions, with only what its own components hold (rows with
/// nothing kept become holes, null here).
/// </summary>
internal sealed partial class ValidationRun
{
    private readonly Dictionary<JsonObject, JsonObject> filtered = new(ReferenceEqualityComparer.Instance);

    private JsonNode? Filter(FormComponent c, JsonNode? value, bool kept, FormValidator.Level level, List<(int? Row, JsonObject Scope)> scopes)
    {
        // The filtered copy is read only by the container or grid above (Descend's scopes): at the
        // top of the data nobody reads it, and copying every value there would be wasted.
        var read = !ReferenceEquals(level.Scope, data);
        if (!c.IsNestedData || c.Model is not (ModelType.Object or ModelType.NestedArray))
        {
            if (kept && read) FilteredOf(level.Scope)[c.Key] = Js.Copy(value);
            return value;
        }
        // core's filtered tree is one object written at full paths: what the children kept is in it
        // whether or not this component's own value is kept.
        var inner = scopes.Where(s => filtered.ContainsKey(s.Scope)).ToList();
        if (inner.Count == 0)
        {
            if (kept && read) FilteredOf(level.Scope)[c.Key] = c.Model == ModelType.Object ? new JsonObject() : new JsonArray();
            return value;
        }
        JsonNode copy;
        if (c.Model == ModelType.Object)
            copy = Js.Copy(filtered[inner[0].Scope])!;
        else
        {
            var rows = new JsonArray();
            foreach (var (row, scope) in inner)
            {
                while (rows.Count < row) rows.Add(null);
                if (rows.Count == row) rows.Add(Js.Copy(filtered[scope]));
            }
            GridHoles.Mark(rows);
            copy = rows;
        }
        if (read) FilteredOf(level.Scope)[c.Key] = Js.Copy(copy);
        if (!kept) return value;
        level.Attach?.Invoke();
        level.Scope[c.Key] = copy;
        return copy;
    }

    private JsonObject FilteredOf(JsonObject scope)
    {
        if (!filtered.TryGetValue(scope, out var kept))
            filtered[scope] = kept = new JsonObject();
        return kept;
    }
}
