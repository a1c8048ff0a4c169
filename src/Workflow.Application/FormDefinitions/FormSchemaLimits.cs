using System.Text.Json.Nodes;

namespace Workflow.Application.FormDefinitions;

/// <summary>
/// What a form schema may weigh before anything parses or stores it: a real form (Form.io's own test forms, ours) has
/// tens of components nested a few levels deep with labels of a few words; these bounds are far above that and far below
/// what would make every task screen that renders the form slow.
/// </summary>
public static class FormSchemaLimits
{
    public const int MaxCharacters = 1_000_000;
    public const int MaxComponents = 1_000;
    public const int MaxNesting = 20;
    public const int MaxLabel = 500;
    public const int MaxText = 5_000;

    private static readonly HashSet<string> Labels = ["label", "title", "legend"];
    private static readonly HashSet<string> Texts = ["placeholder", "tooltip", "description", "prefix", "suffix", "errorLabel"];

    /// <summary>Each bound the schema passes, by the path of what passes it (<c>schema.components[2].label</c>); the first few only.</summary>
    public static IReadOnlyList<(string Path, string Message)> Check(JsonObject schema)
    {
        var problems = new List<(string, string)>();
        if (schema.ToJsonString().Length > MaxCharacters)
            return [("schema", $"A form schema is at most {MaxCharacters / 1_000_000} MB of JSON.")];
        var components = 0;
        void Walk(JsonNode? node, string path, int nesting)
        {
            if (problems.Count >= 10)
                return;
            if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                    Walk(array[i], $"{path}[{i}]", nesting);
                return;
            }
            if (node is not JsonObject item)
                return;
            if (item["type"] is JsonValue type && type.TryGetValue<string>(out _) && item.ContainsKey("key"))
            {
                components++;
                nesting++;
                if (components == MaxComponents + 1)
                    problems.Add(("schema", $"A form has at most {MaxComponents} components."));
                if (nesting == MaxNesting + 1)
                    problems.Add((path, $"Components nest at most {MaxNesting} levels deep."));
            }
            foreach (var (name, value) in item)
            {
                if (value is JsonValue text && text.TryGetValue<string>(out var s))
                {
                    if (Labels.Contains(name) && s.Length > MaxLabel)
                        problems.Add(($"{path}.{name}", $"A {name} is at most {MaxLabel} characters."));
                    else if (Texts.Contains(name) && s.Length > MaxText)
                        problems.Add(($"{path}.{name}", $"A {name} is at most {MaxText} characters."));
                }
                else
                {
                    Walk(value, $"{path}.{name}", nesting);
                }
            }
        }
        Walk(schema, "schema", 0);
        return problems;
    }
}
