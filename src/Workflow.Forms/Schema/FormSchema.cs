using System.Text.Json.Nodes;

namespace Workflow.Forms.Schema;

/// <summary>A parsed Form.io form: a "form" or a "wizard" whose root panels are its pages.</summary>
public sealed class FormSchema
{
    internal FormSchema(JsonObject json, string display, IReadOnlyList<FormComponent> components)
    {
        Json = json;
        Display = display;
        Components = components;
    }

    public JsonObject Json { get; }
    public string Display { get; }
    public IReadOnlyList<FormComponent> Components { get; }

    public bool IsWizard => Display == "wizard";

    private Conditions.ComponentIndex? index;

    /// <summary>Where conditions find the components they name; built once per schema (a schema never changes).</summary>
    internal Conditions.ComponentIndex Index => index ??= new Conditions.ComponentIndex(this);

    /// <summary>Wizard pages are the root panels; a plain form has none.</summary>
    public IReadOnlyList<FormComponent> Pages =>
        IsWizard ? Components.Where(c => c.Type == "panel").ToList() : [];

    public IEnumerable<FormComponent> All() => Components.SelectMany(Flatten);

    private static IEnumerable<FormComponent> Flatten(FormComponent c) => c.Children.SelectMany(Flatten).Prepend(c);
}
