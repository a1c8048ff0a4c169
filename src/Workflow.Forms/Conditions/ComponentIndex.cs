using System.Text.Json.Nodes;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Conditions;

/// <summary>
/// Finds the component a condition names, by data path ("address.city", "grid.name"), by full
/// path (with layout keys) or by key, and reads its value in the current row.
/// </summary>
internal sealed class ComponentIndex
{
    private readonly List<Entry> entries = [];

    public ComponentIndex(FormSchema schema) => Add(schema.Components, "", "", []);

    private sealed record Entry(FormComponent Component, string DataPath, string FullPath, IReadOnlyList<string> Segments, IReadOnlyList<string> ArrayAncestors);

    private void Add(IEnumerable<FormComponent> components, string dataPrefix, string fullPrefix, IReadOnlyList<string> arrays)
    {
        foreach (var c in components)
        {
            var full = fullPrefix + c.Key;
            var data = c.HasData ? dataPrefix + c.Key : dataPrefix.TrimEnd('.');
            if (c.HasData)
                entries.Add(new Entry(c, data, full, data.Split('.'), arrays));
            var childData = c.HasData && c.Model is ModelType.Object or ModelType.NestedArray ? data + "." : dataPrefix;
            var childArrays = c.Model == ModelType.NestedArray ? [.. arrays, data] : arrays;
            Add(c.Children, childData, c.Key.Length > 0 ? full + "." : fullPrefix, childArrays);
        }
    }

    public FormComponent? Find(string path) => Resolve(path).Entry?.Component;

    private (Entry? Entry, bool ByKey) Resolve(string path)
    {
        var entry = entries.FirstOrDefault(e => e.DataPath == path) ?? entries.FirstOrDefault(e => e.FullPath == path);
        return entry is not null ? (entry, false) : (entries.FirstOrDefault(e => e.Component.Key == path), true);
    }

    /// <summary>
    /// The value at the component's data path, taking each grid's row from the rows the caller
    /// is in. As in core, a path that names a grid's child by its bare key reads the first row,
    /// whatever row the caller is in; so does any path read from outside the grid.
    /// </summary>
    public (bool Found, JsonNode? Value) ValueOf(string path, JsonObject data, IReadOnlyDictionary<string, int> rows)
    {
        var (entry, byKey) = Resolve(path);
        if (entry is null) return (false, null);
        JsonNode? node = data;
        var prefix = "";
        foreach (var segment in entry.Segments)
        {
            prefix = prefix.Length == 0 ? segment : prefix + "." + segment;
            if (node is not JsonObject o || !o.TryGetPropertyValue(segment, out node)) return (false, null);
            if (entry.ArrayAncestors.Contains(prefix) && prefix != entry.DataPath)
            {
                var i = byKey ? 0 : rows.GetValueOrDefault(prefix);
                if (node is not JsonArray a || i >= a.Count) return (false, null);
                node = a[i];
            }
        }
        return (true, node);
    }
}
