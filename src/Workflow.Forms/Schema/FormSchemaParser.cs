using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflow.Forms.JsonLogic;

namespace Workflow.Forms.Schema;

/// <summary>
/// Reads a Form.io schema and refuses, with the reason, what the validator could not honour:
/// a form that validates differently from what its author sees must not be imported.
/// </summary>
/// <summary>What the parser does with a nested form that only names another form.</summary>
public enum NestedFormReferences
{
    /// <summary>Refuse the schema, naming the nested form (the default: its data would pass unchecked).</summary>
    Refuse,

    /// <summary>Accept it and check nothing under it, as a Form.io server does when the named form is not in its database.</summary>
    Unchecked,
}

public static class FormSchemaParser
{
    private static readonly string[] Displays = ["form", "wizard", "pdf"];

    /// <summary>
    /// Parses a schema. Every component type is validated, as core validates it (a type core does
    /// not know as a generic value), except the few ComponentTypes refuses; extraTypes, the types
    /// the application checks itself (ComponentValidatorRegistry.Types), are accepted even then.
    /// A nested form that only names another form (its <c>form</c> id or <c>src</c>, no components of
    /// its own) is refused: its data could not be checked. With
    /// <see cref="NestedFormReferences.Unchecked"/> it is accepted and nothing under it is checked,
    /// as a Form.io server without the named form in its database does.
    /// </summary>
    public static FormSchema Parse(string json, IEnumerable<string>? extraTypes = null, NestedFormReferences references = NestedFormReferences.Refuse)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormSchemaException($"not JSON: {e.Message}");
        }
        return Parse(root, extraTypes, references);
    }

    /// <inheritdoc cref="Parse(string, IEnumerable{string}?, NestedFormReferences)"/>
    public static FormSchema Parse(JsonNode? root, IEnumerable<string>? extraTypes = null, NestedFormReferences references = NestedFormReferences.Refuse)
    {
        // Re-read from text so that every value is backed by JSON, whatever CLR value built it.
        root = root is null ? null : Js.WithClrStrings(JsonNode.Parse(root.ToJsonString()));
        if (root is not JsonObject form)
            throw new FormSchemaException("a form schema is a JSON object");
        var display = form["display"] is null ? "form" : Js.AsString(form["display"])
            ?? throw new FormSchemaException("display must be a string", "display");
        if (!Displays.Contains(display))
            throw new FormSchemaException($"display '{display}' is not form or wizard", "display");
        if (form["components"] is not JsonArray components)
            throw new FormSchemaException("components must be an array", "components");
        var settings = new Settings(new HashSet<string>(extraTypes ?? [], StringComparer.Ordinal), references);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var parsed = ParseList(components, "components", settings, seen, "");
        return new FormSchema(form, display, parsed);
    }

    private static List<FormComponent> ParseList(JsonArray list, string where, Settings settings, HashSet<string> seen, string dataScope)
    {
        var result = new List<FormComponent>();
        for (var i = 0; i < list.Count; i++)
            result.Add(ParseOne(list[i], $"{where}[{i}]", settings, seen, dataScope));
        return result;
    }

    private static FormComponent ParseOne(JsonNode? node, string where, Settings settings, HashSet<string> seen, string dataScope)
    {
        if (node is not JsonObject json)
            throw new FormSchemaException("a component is a JSON object", where);
        var type = Js.AsString(json["type"]);
        if (string.IsNullOrEmpty(type))
            throw new FormSchemaException("a component needs a type", where);
        if (ComponentTypes.RefusalOf(type) is { } refusal && !settings.Types.Contains(type))
            throw new FormSchemaException($"the {type} component is not supported: {refusal}", where);
        // A type core does not know is validated as core does, as a generic component of its model (ComponentTypes.ModelOf).
        var model = ComponentTypes.ModelOf(json, type);
        var key = Js.AsString(json["key"]) ?? "";
        if (model is not (ModelType.None or ModelType.Content) && Js.IsTruthy(json["input"] ?? JsonValue.Create(true)))
        {
            if (key.Length == 0)
                throw new FormSchemaException($"the {type} component needs a key", where);
            if (!IsPlainKey(key))
                throw new FormSchemaException($"key '{key}' may hold only letters, digits, '-' and '_'", where);
            var dataPath = dataScope + key;
            if (!seen.Add(dataPath))
                throw new FormSchemaException($"two components write to '{dataPath}'", where);
        }
        CheckSettings(json, where);
        var childScope = model switch
        {
            ModelType.None or ModelType.Content => dataScope,
            ModelType.NestedArray => dataScope + key + "[].",
            ModelType.NestedDataArray => dataScope + key + "[].data.",
            ModelType.DataObject => dataScope + key + ".data.",
            // A container, a data map, or any other component with a value whose children core nests under its key.
            _ => dataScope + key + ".",
        };
        var childSeen = childScope != dataScope ? new HashSet<string>(StringComparer.Ordinal) : seen;
        var children = ParseChildren(json, type, where, settings, childSeen, childScope);
        if (type == "address") RefuseRequiredAddressPart(json, key, where);
        if (type == "form" && children.Count == 0 && settings.References == NestedFormReferences.Refuse) RefuseReference(json, key, where);
        return new FormComponent(json, type, key, model, children);
    }

    /// <summary>The types accepted beyond core's, and what to do with a nested form that only names another.</summary>
    private sealed record Settings(HashSet<string> Types, NestedFormReferences References);

    /// <summary>
    /// A nested form whose components are elsewhere (Form.io's builder keeps the other form's id in form, or
    /// its address in src): the Form.io server loads them from its database; this validator has no such database,
    /// so whatever a submission holds under the nested form would pass unchecked.
    /// </summary>
    private static void RefuseReference(JsonObject json, string key, string where)
    {
        var named = Js.AsString(json["form"]) is { Length: > 0 } id ? $"form '{id}'"
            : Js.AsString(json["src"]) is { Length: > 0 } src ? $"'{src}'" : null;
        if (named is null) return;
        throw new FormSchemaException(
            $"the nested form '{key}' names {named} without including its components, so its data could not be checked: " +
            "put the other form's components inside the nested form, or leave the nested form out",
            where);
    }

    /// <summary>
    /// core checks an address's manual-mode fields at the address's own key (address.city), where
    /// no address value ever has them (a typed one keeps them under address.address.city): a
    /// required one fails every submission, picked or typed, on a Form.io server as here.
    /// </summary>
    private static void RefuseRequiredAddressPart(JsonObject json, string key, string where)
    {
        if (json["components"] is not JsonArray parts) return;
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i] is JsonObject part && Js.IsTruthy(part["validate"]?["required"]))
                throw new FormSchemaException(
                    $"the field '{Js.AsString(part["key"])}' of the address '{key}' is required, which no submission could satisfy: " +
                    $"Form.io checks it at '{key}.{Js.AsString(part["key"])}', where an address never keeps it; make the address itself required instead",
                    $"{where}.components[{i}]");
        }
    }

    private static List<FormComponent> ParseChildren(JsonObject json, string type, string where, Settings settings, HashSet<string> seen, string scope)
    {
        var children = new List<FormComponent>();
        if (type == "columns" && json["columns"] is JsonArray columns)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (columns[c]?["components"] is JsonArray cc)
                    children.AddRange(ParseList(cc, $"{where}.columns[{c}].components", settings, seen, scope));
            }
        }
        else if (type == "table" && json["rows"] is JsonArray rows)
        {
            for (var r = 0; r < rows.Count; r++)
            {
                if (rows[r] is not JsonArray cells) continue;
                for (var c = 0; c < cells.Count; c++)
                {
                    if (cells[c]?["components"] is JsonArray cc)
                        children.AddRange(ParseList(cc, $"{where}.rows[{r}][{c}].components", settings, seen, scope));
                }
            }
        }
        else if (json["components"] is JsonArray list)
        {
            // Tabs hold tab objects (not components) that each hold components.
            if (type == "tabs")
            {
                for (var t = 0; t < list.Count; t++)
                {
                    if (list[t]?["components"] is JsonArray tc)
                        children.AddRange(ParseList(tc, $"{where}.components[{t}].components", settings, seen, scope));
                }
            }
            else
            {
                children.AddRange(ParseList(list, $"{where}.components", settings, seen, scope));
            }
        }
        return children;
    }

    private static void CheckSettings(JsonObject json, string where)
    {
        if (json["validate"] is { } validate && validate is not JsonObject)
            throw new FormSchemaException("validate must be an object", where + ".validate");
        if (Js.AsString(json["validate"]?["pattern"]) is { Length: > 0 } pattern)
        {
            try
            {
                _ = Patterns.Anchored(pattern);
            }
            catch (ArgumentException e)
            {
                throw new FormSchemaException($"pattern '{pattern}' is not a regular expression: {e.Message}", where + ".validate.pattern");
            }
        }
        JsonLogicCheck.Check(json, where);
        if (json["conditional"]?["conditions"] is { } conditions && conditions is not JsonArray)
            throw new FormSchemaException("conditional.conditions must be an array", where + ".conditional.conditions");
    }

    private static bool IsPlainKey(string key) => Regex.IsMatch(key, "^[A-Za-z0-9_\\-]+$");
}
