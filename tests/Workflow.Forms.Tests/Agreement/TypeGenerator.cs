using System.Text.Json.Nodes;

namespace Workflow.Forms.Tests.Agreement;

/// <summary>
/// Adds to a generated case one component of the types beyond the basic ones (nested form,
/// address, data map, file, tag pad, data table, a type core does not know, a nested form in a
/// grid), with its value. It draws from its own Random and appends after the case's data is
/// drawn, so the other components and their data stay those the seed gave before.
/// </summary>
internal sealed class TypeGenerator(int seed)
{
    private const string ManualModeCondition = "show = _.get(instance, 'parent.manualMode', false);";
    private static readonly string[] Texts = ["", " ", "a", "abc", "hello world", "one two three"];
    private static readonly string[] Kinds = ["form", "address", "datamap", "file", "tagpad", "datatable", "myowntype", "gridform"];

    private readonly Random random = new(seed ^ 0x7e5);

    public void AddTo(JsonArray components, JsonObject data, int number)
    {
        if (random.Next(3) > 0) return;
        var kind = Kinds[random.Next(Kinds.Length)];
        var key = $"{kind}{number}";
        var (component, value) = kind switch
        {
            "form" => NestedForm(key),
            "address" => Address(key),
            "datamap" => DataMap(key),
            "file" => File(key),
            "tagpad" => TagPad(key),
            "datatable" => DataTable(key),
            "myowntype" => Unknown(key),
            _ => FormInGrid(key),
        };
        if (random.Next(12) == 0) component["hidden"] = true;
        if (random.Next(12) == 0) component["clearOnHide"] = false;
        if (random.Next(15) == 0) component["validateWhenHidden"] = true;
        components.Add(component);
        if (value is not null) data[key] = value;
        if (random.Next(3) == 0 && ConditionTarget(kind, component) is { } target) AddDependent(components, data, key, target);
    }

    // A field shown on a condition that reads the new component (or, in a nested form, its first field by data path).
    private static string? ConditionTarget(string kind, JsonObject component) => kind switch
    {
        "form" => $"{component["key"]}.data.{component["components"]![0]!["key"]}",
        "address" or "datamap" or "file" or "myowntype" => component["key"]!.GetValue<string>(),
        _ => null,
    };

    private void AddDependent(JsonArray components, JsonObject data, string key, string target)
    {
        var op = new[] { "isEmpty", "isNotEmpty", "isEqual", "isNotEqual" }[random.Next(4)];
        var dependent = new JsonObject
        {
            ["type"] = "textfield", ["key"] = $"{key}dep", ["label"] = $"{key}dep", ["input"] = true,
            ["validate"] = new JsonObject { ["required"] = true },
            ["conditional"] = new JsonObject
            {
                ["show"] = random.Next(3) > 0,
                ["conjunction"] = "all",
                ["conditions"] = new JsonArray(new JsonObject { ["component"] = target, ["operator"] = op, ["value"] = Pick(Texts) }),
            },
        };
        components.Add(dependent);
        if (random.Next(2) == 0) data[$"{key}dep"] = Pick(Texts);
    }

    private (JsonObject, JsonNode?) NestedForm(string key)
    {
        var children = new JsonArray();
        var fields = new List<JsonObject>();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var child = Field($"{key}f{i}");
            fields.Add(child);
            children.Add(child);
        }
        var form = Component("form", key, children);
        if (random.Next(4) == 0) form["display"] = "wizard";
        if (random.Next(6) == 0) form["validate"] = new JsonObject { ["required"] = true };
        JsonNode? value = random.Next(10) switch
        {
            0 => null,
            1 => new JsonObject(),
            2 => "not an object",
            3 => new JsonObject { ["_id"] = "5f0000000000000000000001" },
            4 => new JsonObject { ["data"] = "x" },
            _ => new JsonObject { ["data"] = Values(fields) },
        };
        return (form, value);
    }

    private (JsonObject, JsonNode?) FormInGrid(string key)
    {
        var inner = $"{key}form";
        var field = Field($"{key}f1");
        var grid = Component("datagrid", key, new JsonArray(Component("form", inner, new JsonArray(field))));
        if (random.Next(5) == 0) return (grid, null);
        var rows = new JsonArray();
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            rows.Add(random.Next(4) switch
            {
                0 => new JsonObject(),
                1 => new JsonObject { [inner] = new JsonObject() },
                _ => new JsonObject { [inner] = new JsonObject { ["data"] = Values([field]) } },
            });
        }
        return (grid, rows);
    }

    private (JsonObject, JsonNode?) Address(string key)
    {
        var fields = new JsonArray();
        foreach (var part in new[] { "address1", "address2", "city", "state", "country", "zip" })
        {
            var field = new JsonObject { ["type"] = "textfield", ["key"] = part, ["label"] = part, ["input"] = true, ["customConditional"] = ManualModeCondition };
            // A required part is refused at import (no submission could fill it, FormSchemaParser); a length rule shows where core checks the parts.
            if (random.Next(10) == 0) field["validate"] = new JsonObject { ["minLength"] = 2 };
            fields.Add(field);
        }
        var address = Component("address", key, fields);
        address["provider"] = "nominatim";
        var manual = random.Next(2) == 0;
        if (manual) address["enableManualMode"] = true;
        if (random.Next(3) == 0) address["validate"] = new JsonObject { ["required"] = true };
        JsonNode? value = random.Next(8) switch
        {
            0 => null,
            1 => new JsonObject(),
            2 => new JsonArray(),
            3 => new JsonObject { ["display_name"] = "Rue 1, Gembloux", ["lat"] = random.Next(2) == 0 ? "50.5" : "", ["lon"] = "4.6" },
            4 => "Rue 1",
            _ => new JsonObject
            {
                ["mode"] = random.Next(4) == 0 ? "autocomplete" : "manual",
                ["address"] = new JsonObject
                {
                    ["address1"] = Pick(["Rue 1", ""]), ["address2"] = Pick(["", "Bte 2"]), ["city"] = Pick(["Gembloux", ""]),
                    ["state"] = Pick(["Namur", "Namur", ""]), ["country"] = "BE", ["zip"] = Pick(["5030", "5030", ""]),
                },
            },
        };
        return (address, value);
    }

    private (JsonObject, JsonNode?) DataMap(string key)
    {
        var map = Component("datamap", key, null);
        map["valueComponent"] = new JsonObject { ["type"] = "textfield", ["key"] = "value", ["input"] = true };
        if (random.Next(2) == 0) map["validate"] = new JsonObject { ["required"] = true };
        JsonNode? value = random.Next(5) switch
        {
            0 => null,
            1 => new JsonObject(),
            2 => new JsonObject { ["a"] = "" },
            3 => "text",
            _ => new JsonObject { ["a"] = "1", ["b"] = "two" },
        };
        return (map, value);
    }

    private (JsonObject, JsonNode?) File(string key)
    {
        var file = Component("file", key, null);
        file["storage"] = "base64";
        var multiple = random.Next(3) == 0;
        if (multiple) file["multiple"] = true;
        if (random.Next(2) == 0) file["validate"] = new JsonObject { ["required"] = true };
        var one = new JsonObject { ["name"] = "a.txt", ["originalName"] = "a.txt", ["size"] = 1, ["type"] = "text/plain", ["storage"] = "base64", ["url"] = "data:text/plain;base64,YQ==" };
        // A single value where multiple asks for an array is normalised by core's step, not compared here.
        JsonNode? value = random.Next(4) switch
        {
            0 => null,
            1 => new JsonArray(),
            2 when !multiple => one,
            _ => new JsonArray(one),
        };
        return (file, value);
    }

    private (JsonObject, JsonNode?) TagPad(string key)
    {
        var field = Field($"{key}f1");
        var tagpad = Component("tagpad", key, new JsonArray(field));
        if (random.Next(5) == 0) return (tagpad, null);
        var items = new JsonArray();
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            items.Add(random.Next(5) switch
            {
                0 => null,
                1 => new JsonObject { ["coordinates"] = new JsonObject { ["x"] = 1, ["y"] = 2 } },
                _ => new JsonObject { ["coordinates"] = new JsonObject { ["x"] = 1, ["y"] = 2 }, ["data"] = Values([field]) },
            });
        }
        return (tagpad, items);
    }

    private (JsonObject, JsonNode?) DataTable(string key)
    {
        var field = Field($"{key}f1");
        var table = Component("datatable", key, new JsonArray(field));
        if (random.Next(5) == 0) return (table, null);
        var rows = new JsonArray();
        for (var i = random.Next(0, 3); i > 0; i--)
            rows.Add(Values([field]));
        return (table, rows);
    }

    private (JsonObject, JsonNode?) Unknown(string key)
    {
        var unknown = Component("myowntype", key, null);
        var validate = new JsonObject();
        if (random.Next(2) == 0) validate["required"] = true;
        if (random.Next(3) == 0) validate["minLength"] = 3;
        if (random.Next(4) == 0) validate["maxWords"] = 2;
        if (validate.Count > 0) unknown["validate"] = validate;
        JsonNode? value = random.Next(6) switch
        {
            0 => null,
            1 => new JsonObject { ["a"] = 1 },
            2 => new JsonObject(),
            _ => Pick(Texts),
        };
        return (unknown, value);
    }

    // A text or number field with a rule or two; its values stay clear of core's normalisation.
    private JsonObject Field(string key)
    {
        var number = random.Next(3) == 0;
        var field = new JsonObject { ["type"] = number ? "number" : "textfield", ["key"] = key, ["label"] = key, ["input"] = true };
        var validate = new JsonObject();
        if (random.Next(2) == 0) validate["required"] = true;
        if (number && random.Next(2) == 0) validate["max"] = 10;
        if (!number && random.Next(3) == 0) validate["minLength"] = 3;
        if (validate.Count > 0) field["validate"] = validate;
        return field;
    }

    private JsonObject Values(IEnumerable<JsonObject> fields)
    {
        var values = new JsonObject();
        foreach (var field in fields)
        {
            if (random.Next(5) == 0) continue;
            values[field["key"]!.GetValue<string>()] = field["type"]!.GetValue<string>() == "number"
                ? JsonValue.Create(new[] { 1, 5, 12, -1 }[random.Next(4)])
                : Pick(Texts);
        }
        return values;
    }

    private static JsonObject Component(string type, string key, JsonArray? children)
    {
        var component = new JsonObject { ["type"] = type, ["key"] = key, ["label"] = key, ["input"] = true };
        if (children is not null) component["components"] = children;
        return component;
    }

    private JsonNode Pick(string[] items) => JsonValue.Create(items[random.Next(items.Length)]);
}
