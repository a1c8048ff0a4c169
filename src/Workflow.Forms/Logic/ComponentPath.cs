using System.Text.Json.Nodes;

namespace Workflow.Forms.Logic;

/// <summary>lodash get and set on a component's JSON by a dotted path ("validate.required"), as logic actions use them.</summary>
internal static class ComponentPath
{
    public static JsonNode? Get(JsonObject json, string path, out bool found)
    {
        JsonNode? node = json;
        foreach (var key in path.Split('.'))
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(key, out node))
            {
                found = false;
                return null;
            }
        }
        found = true;
        return node;
    }

    /// <summary>Creates the missing objects on the way; a value that is not an object on the way is replaced, as lodash set does with primitives.</summary>
    public static void Set(JsonObject json, string path, JsonNode? value)
    {
        var keys = path.Split('.');
        var target = json;
        foreach (var key in keys[..^1])
        {
            if (target[key] is not JsonObject next)
            {
                next = new JsonObject();
                target[key] = next;
            }
            target = next;
        }
        target[keys[^1]] = value;
    }
}
