namespace Workflow.Forms.Schema;

/// <summary>The component types the validator knows, with their data model.</summary>
public static class ComponentTypes
{
    public const string AppointmentPlanner = "appointmentPlanner";

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
        ["htmlelement"] = ModelType.Content,
        ["content"] = ModelType.Content,
        ["panel"] = ModelType.None,
        ["columns"] = ModelType.None,
        ["fieldset"] = ModelType.None,
        ["well"] = ModelType.None,
        ["table"] = ModelType.None,
        ["tabs"] = ModelType.None,
        ["container"] = ModelType.Object,
        ["datagrid"] = ModelType.NestedArray,
        ["editgrid"] = ModelType.NestedArray,
        // The planning step's value is an object the application checks through an IComponentValidator.
        [AppointmentPlanner] = ModelType.Any,
    };

    public static bool IsKnown(string type) => Known.ContainsKey(type);

    public static ModelType ModelOf(string type) => Known.GetValueOrDefault(type, ModelType.Any);
}
