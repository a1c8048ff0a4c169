namespace Workflow.Forms.Extensions;

/// <summary>Application validators by component type; a registered type is also accepted by the parser.</summary>
public sealed class ComponentValidatorRegistry
{
    private readonly Dictionary<string, List<IComponentValidator>> validators = new(StringComparer.Ordinal);

    public ComponentValidatorRegistry Register(IComponentValidator validator)
    {
        if (!validators.TryGetValue(validator.ComponentType, out var list))
            validators[validator.ComponentType] = list = [];
        list.Add(validator);
        return this;
    }

    public IEnumerable<string> Types => validators.Keys;

    public IReadOnlyList<IComponentValidator> For(string type) =>
        validators.TryGetValue(type, out var list) ? list : [];
}
