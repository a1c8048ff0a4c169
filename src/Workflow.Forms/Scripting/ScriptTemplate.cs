using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Scripting;

/// <summary>
/// The legacy <c>{{ data.field }}</c> placeholders of validate.custom, which core (Evaluator.interpolateString)
/// replaces with the text of the value before running the script: <c>valid = {{ data.trigger }}.toString() == 'true'</c>.
/// A path is read as lodash get reads it (<c>data.grid[0].name</c>, <c>?.</c> as <c>.</c>); <c>a || b</c> takes
/// the first truthy one. A placeholder calling a function gives an empty text, as core gives when no such
/// function is in the context.
/// </summary>
internal static partial class ScriptTemplate
{
    public static string Interpolate(string script, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        if (!script.Contains("{{", StringComparison.Ordinal)) return script;
        return Placeholder().Replace(script, m =>
        {
            var expression = m.Groups[1].Value;
            if (expression.Contains('(')) return "";
            var (found, value) = (false, (JsonNode?)null);
            foreach (var part in expression.Replace("?.", ".").Split("||").Select(p => p.Trim()))
            {
                (found, value) = Get(variables, part);
                if (Js.IsTruthy(value)) break;
            }
            return found ? Js.IsNull(value) ? "null" : Js.ToJsString(value) : "undefined";
        });
    }

    /// <summary>lodash get over the script's variables.</summary>
    private static (bool Found, JsonNode? Value) Get(IReadOnlyDictionary<string, JsonNode?> variables, string path)
    {
        var keys = path.Replace("[", ".").Replace("]", "").Replace("\"", "").Replace("'", "").Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (keys.Length == 0 || !variables.TryGetValue(keys[0], out var node)) return (false, null);
        foreach (var key in keys.Skip(1))
        {
            switch (node)
            {
                case JsonObject o when o.TryGetPropertyValue(key, out var child):
                    node = child;
                    break;
                case JsonArray a when int.TryParse(key, out var i) && i >= 0 && i < a.Count:
                    node = a[i];
                    break;
                default:
                    return (false, null);
            }
        }
        return (true, node);
    }

    [GeneratedRegex(@"{{\s*(.*?)\s*}}")]
    private static partial Regex Placeholder();
}
