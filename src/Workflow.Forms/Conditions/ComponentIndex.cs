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
            var childData = !c.HasData ? dataPrefix : c.Model is ModelType.DataObject or ModelType.NestedDataArray ? data + ".data." : data + ".";
            var childArrays = c.Model is ModelType.NestedArray or ModelType.NestedDataArray ? [.. arrays, data] : arrays;
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
    /// The value a condition reads, found as core's getComponentValue finds it: core lists every
    /// instance of the component over the data (one per grid row), then takes, for a bare key,
    /// the first instance; for a path, the last instance whose innermost row index is the
    /// caller's, else the first. With no instance it reads the data at the path as written.
    /// </summary>
    public (bool Found, JsonNode? Value) ValueOf(string path, JsonObject data, int? rowIndex)
    {
        var (entry, byKey) = Resolve(path);
        if (entry is null) return Read(data, path.Split('.'));
        if (entry.ArrayAncestors.Count == 0) return Read(data, entry.Segments);
        var instances = new List<Instance>();
        Collect(entry, data, 0, "", null, instances);
        if (instances.Count == 0) return Read(data, path.Split('.'));
        var chosen = byKey ? instances[0] : instances.LastOrDefault(i => i.RowIndex is not null && i.RowIndex == rowIndex) ?? instances[0];
        return (chosen.Found, chosen.Value);
    }

    private sealed record Instance(int? RowIndex, bool Found, JsonNode? Value);

    // Walks the data along the component's path, branching at each grid over its rows as core's eachComponentData does.
    private static void Collect(Entry entry, JsonNode? node, int segment, string prefix, int? rowIndex, List<Instance> into)
    {
        if (segment == entry.Segments.Count)
        {
            into.Add(new Instance(rowIndex, true, node));
            return;
        }
        var name = entry.Segments[segment];
        var here = prefix.Length == 0 ? name : prefix + "." + name;
        var found = node is JsonObject o && o.TryGetPropertyValue(name, out node);
        if (!found) node = null;
        var isGrid = entry.ArrayAncestors.Contains(here) && here != entry.DataPath;
        if (!isGrid)
        {
            if (found || segment + 1 == entry.Segments.Count) Collect(entry, found ? node : null, segment + 1, here, rowIndex, into);
            else into.Add(new Instance(rowIndex, false, null));
            return;
        }
        if (node is JsonArray { Count: > 0 } rows)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (Js.IsTruthy(rows[i])) Collect(entry, rows[i], segment + 1, here, i, into);
            }
        }
        else if (!found)
        {
            // An absent grid is still walked once, with no row.
            into.Add(new Instance(null, false, null));
        }
    }

    private static (bool Found, JsonNode? Value) Read(JsonObject data, IEnumerable<string> segments)
    {
        JsonNode? node = data;
        foreach (var segment in segments)
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(segment, out node)) return (false, null);
        }
        return (true, node);
    }
}
