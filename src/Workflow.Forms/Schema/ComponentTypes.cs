using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.Forms.Schema;

/// <summary>The component types the validator knows, with their data model.</summary>
public static class ComponentTypes
{
    public const string AppointmentPlanner = "appointmentPlanner";

    // core's MODEL_TYPES_OF_KNOWN_COMPONENTS (utils/formUtil), plus the application's own types.
    private static readonly Dictionary<string, ModelType> Known = new(StringComparer.Ordinal)
    {
        ["textfield"] = ModelType.String,
        ["password"] = ModelType.String,
        ["email"] = ModelType.String,
        ["url"] = ModelType.String,
        ["phoneNumber"] = ModelType.String,
        ["day"] = ModelType.String,
        ["datetime"] = ModelType.String,
        ["time"] = ModelType.String,
        ["signature"] = ModelType.String,
        ["number"] = ModelType.Number,
        ["currency"] = ModelType.Number,
        ["checkbox"] = ModelType.Boolean,
        ["radio"] = ModelType.Boolean,
        ["textarea"] = ModelType.Any,
        ["selectboxes"] = ModelType.Any,
        ["select"] = ModelType.Any,
        ["tags"] = ModelType.Any,
        ["hidden"] = ModelType.Any,
        ["button"] = ModelType.Any,
        ["survey"] = ModelType.Any,
        ["captcha"] = ModelType.Any,
        ["datasource"] = ModelType.Any,
        ["sketchpad"] = ModelType.Any,
        ["reviewpage"] = ModelType.Any,
        ["file"] = ModelType.Any,
        ["htmlelement"] = ModelType.Content,
        ["content"] = ModelType.Content,
        ["panel"] = ModelType.None,
        ["columns"] = ModelType.None,
        ["fieldset"] = ModelType.None,
        ["well"] = ModelType.None,
        ["table"] = ModelType.None,
        ["tabs"] = ModelType.None,
        ["container"] = ModelType.Object,
        ["address"] = ModelType.Object,
        ["datamap"] = ModelType.Map,
        ["form"] = ModelType.DataObject,
        ["datagrid"] = ModelType.NestedArray,
        ["editgrid"] = ModelType.NestedArray,
        ["datatable"] = ModelType.NestedArray,
        ["dynamicWizard"] = ModelType.NestedArray,
        ["tagpad"] = ModelType.NestedDataArray,
        // The planning step's value is an object the application checks through an IComponentValidator.
        [AppointmentPlanner] = ModelType.Any,
    };

    private static readonly Dictionary<string, ModelType> Asserted = new(StringComparer.Ordinal)
    {
        ["any"] = ModelType.Any,
        ["string"] = ModelType.String,
        ["number"] = ModelType.Number,
        ["boolean"] = ModelType.Boolean,
        ["none"] = ModelType.None,
        ["content"] = ModelType.Content,
        ["object"] = ModelType.Object,
        ["nestedArray"] = ModelType.NestedArray,
        ["nestedDataArray"] = ModelType.NestedDataArray,
        ["dataObject"] = ModelType.DataObject,
        ["map"] = ModelType.Map,
    };

    // Types core validates as any value, whose real check is elsewhere: accepting them would let a
    // form promise what its server does not do. The application may still accept one by
    // registering an IComponentValidator for it (FormSchemaParser's extraTypes).
    private static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        ["recaptcha"] = "its token must be verified with the captcha provider, which this validator does not do",
        ["captcha"] = "its answer must be verified with the captcha provider, which this validator does not do",
    };

    /// <summary>Why a type is refused at import, or null when it is validated.</summary>
    public static string? RefusalOf(string type) => Refused.GetValueOrDefault(type);

    /// <summary>A type core's model table names (or the application's own); any other type is still validated, as a generic component.</summary>
    public static bool IsKnown(string type) => Known.ContainsKey(type);

    public static ModelType ModelOf(string type) => Known.GetValueOrDefault(type, ModelType.Any);

    /// <summary>
    /// core's getModelType: the component's own modelType if it asserts one, else its type's,
    /// else (any type, known or not, whose model is "any") no value at all when it says it is
    /// no input, or when it holds components without saying it is one.
    /// </summary>
    public static ModelType ModelOf(JsonObject component, string type)
    {
        if (Js.AsString(component["modelType"]) is { Length: > 0 } asserted)
            return Asserted.GetValueOrDefault(asserted, ModelType.Any);
        var model = ModelOf(type);
        if (model != ModelType.Any) return model;
        var input = component["input"];
        var inputIsFalse = input is JsonValue v && v.GetValueKind() == JsonValueKind.False;
        return inputIsFalse || (Js.IsTruthy(component["components"]) && !Js.IsTruthy(input)) ? ModelType.None : ModelType.Any;
    }
}
