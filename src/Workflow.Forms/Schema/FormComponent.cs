using System.Text.Json.Nodes;

namespace Workflow.Forms.Schema;

/// <summary>One component of a parsed schema; the raw JSON stays available for the rules that read settings.</summary>
public sealed class FormComponent
{
    internal FormComponent(JsonObject json, string type, string key, ModelType model, IReadOnlyList<FormComponent> children)
    {
        Json = json;
        Type = type;
        Key = key;
        Model = model;
        Children = children;
    }

    public JsonObject Json { get; }
    public string Type { get; }
    public string Key { get; }
    public ModelType Model { get; }

    /// <summary>Children in document order, columns, table cells and tabs flattened.</summary>
    public IReadOnlyList<FormComponent> Children { get; }

    public JsonObject? Validate => Json["validate"] as JsonObject;

    public bool IsInput => Json["input"] is not JsonValue v || Js.IsTruthy(v);

    public bool Multiple => Js.IsTruthy(Json["multiple"]);

    public bool Required => Js.IsTruthy(Validate?["required"]);

    public bool Hidden => Js.IsTruthy(Json["hidden"]);

    public bool ClearOnHide => !Json.ContainsKey("clearOnHide") || Js.IsTruthy(Json["clearOnHide"]);

    public bool ValidateWhenHidden => Js.IsTruthy(Json["validateWhenHidden"]);

    /// <summary>core's isValueHidden: a non-persistent value is not validated.</summary>
    public bool IsValueHidden =>
        !Js.IsTruthy(Json["protected"])
        && ((Json.ContainsKey("persistent") && !Js.IsTruthy(Json["persistent"]))
            || Js.AsString(Json["persistent"]) == "client-only");

    /// <summary>core's isComponentNestedDataType.</summary>
    public bool IsNestedData => Js.IsTruthy(Json["tree"])
        || Model is ModelType.NestedArray or ModelType.NestedDataArray or ModelType.DataObject or ModelType.Object or ModelType.Map;

    public bool HasData => Model is not (ModelType.None or ModelType.Content);

    /// <summary>The customConditional script to run, if any (see AddressFields for the one that is not run).</summary>
    public string? CustomConditional =>
        Js.AsString(Json["customConditional"]) is { } script && !AddressFields.IsBrowserOnlyCondition(script) ? script : null;

    public string? Setting(string name) => Js.AsString(Json[name]);

    public override string ToString() => $"{Type}:{Key}";
}
