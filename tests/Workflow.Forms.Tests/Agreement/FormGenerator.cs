using System.Text.Json.Nodes;

namespace Workflow.Forms.Tests.Agreement;

/// <summary>
/// Random forms with random submissions, from a fixed seed: each case mixes value components
/// with random rules, layout and data containers, grids, conditions and custom scripts; the
/// data is then drawn for the form by DataGenerator.
/// </summary>
internal sealed class FormGenerator(int seed)
{
    private static readonly string[] ValueTypes =
        ["textfield", "textarea", "number", "currency", "email", "url", "checkbox", "select", "radio", "selectboxes", "phoneNumber", "day", "datetime", "password", "time", "tags", "hidden", "appointmentPlanner"];
    private static readonly string[] Layouts = ["panel", "fieldset", "well", "columns", "table", "tabs"];
    private static readonly string[] Patterns = ["[a-z]+", "[0-9]{2,4}", "a|b", "[a-z ]*", "h.*"];

    internal sealed record Control(JsonObject Component, string Path);

    private readonly Random random = new(seed);
    private readonly LogicGenerator logic = new(seed);
    private readonly TypeGenerator types = new(seed);
    private int counter;

    public JsonArray Cases(int count)
    {
        var cases = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            counter = 0;
            var components = new JsonArray();
            var top = random.Next(2, 6);
            var controls = new List<Control>();
            for (var j = 0; j < top; j++)
                AddAny(components, depth: 0, controls, "");
            var data = new DataGenerator(random).For(components);
            types.AddTo(components, data, ++counter);
            cases.Add(new JsonObject
            {
                ["form"] = new JsonObject { ["display"] = random.Next(5) == 0 ? "wizard" : "form", ["components"] = components },
                ["submission"] = new JsonObject { ["data"] = data },
            });
        }
        return cases;
    }

    private void AddAny(JsonArray components, int depth, List<Control> controls, string prefix)
    {
        var roll = random.Next(100);
        if (depth < 3 && roll < 12) AddLayout(components, depth, controls, prefix);
        else if (depth < 3 && roll < 20) AddContainer(components, depth, controls, prefix);
        else if (depth < 3 && roll < 30) AddGrid(components, depth, controls, prefix);
        else AddValue(components, controls, prefix);
    }

    private void AddValue(JsonArray components, List<Control> controls, string prefix)
    {
        var type = ValueTypes[random.Next(ValueTypes.Length)];
        var key = $"{type}{++counter}";
        var component = new JsonObject { ["type"] = type, ["key"] = key, ["label"] = key, ["input"] = true };
        var validate = new JsonObject();
        if (random.Next(3) == 0) validate["required"] = true;
        AddOptions(type, component);
        AddRules(type, validate, component);
        if (validate.Count > 0) component["validate"] = validate;
        if (random.Next(6) == 0 && type is "textfield" or "email" or "url" or "number" or "select" or "datetime" or "phoneNumber" or "textarea" or "hidden")
            component["multiple"] = true;
        if (random.Next(5) == 0) AddCondition(component, controls);
        logic.Decorate(component, type, controls);
        if (random.Next(25) == 0) component["hidden"] = true;
        if (random.Next(20) == 0) component["validateWhenHidden"] = true;
        if (random.Next(30) == 0) component["persistent"] = false;
        if (random.Next(15) == 0 && validate.Count > 0) validate["customMessage"] = "Please fix " + key;
        components.Add(component);
        controls.Add(new Control(component, prefix + key));
    }

    private void AddOptions(string type, JsonObject component)
    {
        var options = new JsonArray(Option("a"), Option("b"), Option("c"));
        if (type == "select" && random.Next(4) == 0)
        {
            component["dataSrc"] = "json";
            component["valueProperty"] = "value";
            component["data"] = new JsonObject { ["json"] = options };
        }
        else if (type == "select") component["data"] = new JsonObject { ["values"] = options };
        if (type is "radio" or "selectboxes") component["values"] = options;
        if (type == "phoneNumber") component["inputMask"] = "(999) 999-9999";
        if (type == "day")
            component["fields"] = new JsonObject { ["day"] = new JsonObject { ["hide"] = false }, ["month"] = new JsonObject { ["hide"] = false }, ["year"] = new JsonObject { ["hide"] = false } };
        if (type == "day" && random.Next(3) == 0) component["dayFirst"] = true;
        if (type == "day" && random.Next(6) == 0) component["fields"]![new[] { "day", "month", "year" }[random.Next(3)]]!["hide"] = true;
        if (type == "tags" && random.Next(3) == 0) component["storeas"] = random.Next(2) == 0 ? "string" : "array";
        if (type == "textarea" && random.Next(10) == 0) component["calculateValue"] = "value = (value || '') + '!';";
        if (type == "textarea" && random.Next(3) == 0) component["calculateServer"] = true;
        AddServerSteps(type, component);
    }

    // What core's defaultValue and normalize steps and its date and mask rules read.
    private void AddServerSteps(string type, JsonObject component)
    {
        if (type == "day" && random.Next(4) == 0)
            component[random.Next(2) == 0 ? "minDate" : "maxDate"] = new[] { "2020-01-01", "2021-06-15", "2024-02-29", "not a date", "" }[random.Next(5)];
        if (type == "day" && random.Next(5) == 0)
            component[random.Next(2) == 0 ? "minYear" : "maxYear"] = random.Next(3) switch { 0 => JsonValue.Create("2021"), 1 => JsonValue.Create(2023), _ => JsonValue.Create("") };
        if (type == "day" && random.Next(8) == 0) component["fields"]!["year"]!["maxYear"] = "2024";
        if (type == "day" && random.Next(5) == 0) component["fields"]![new[] { "day", "month", "year" }[random.Next(3)]]!["required"] = true;
        if (type == "datetime" && random.Next(3) == 0)
        {
            var widget = new JsonObject { ["type"] = "calendar", ["enableTime"] = random.Next(2) == 0 };
            if (random.Next(2) == 0) widget["minDate"] = new[] { "2024-01-01", "2024-05-01T12:00:00", "2024-05-01T10:00:00+02:00", "" }[random.Next(4)];
            if (random.Next(2) == 0) widget["maxDate"] = new[] { "2024-05-01", "2024-12-31T00:00:00Z", "later" }[random.Next(3)];
            component["widget"] = widget;
        }
        if (type is "textfield" or "phoneNumber" && random.Next(6) == 0)
        {
            component["allowMultipleMasks"] = true;
            component["inputMasks"] = new JsonArray(
                new JsonObject { ["label"] = "Short", ["mask"] = "999-9999" },
                new JsonObject { ["label"] = "Long", ["mask"] = "(999) 999-9999" });
        }
        if (type == "time" && random.Next(3) == 0)
        {
            component["format"] = random.Next(2) == 0 ? "hh:mm A" : "HH:mm";
            component["dataFormat"] = random.Next(2) == 0 ? "HH:mm" : "HH:mm:ss";
        }
        if (type is "radio" or "select" && random.Next(6) == 0)
            component["dataType"] = new[] { "string", "boolean", "auto" }[random.Next(3)];
        if (type == "email" && random.Next(4) == 0) component["defaultValue"] = "Jean@Example.COM";
        if (random.Next(8) == 0 && DefaultFor(type) is { } initial) component["defaultValue"] = initial;
        if (type == "textfield" && random.Next(25) == 0) component["customDefaultValue"] = "value = 'from script';";
    }

    private JsonNode? DefaultFor(string type) => type switch
    {
        "textfield" or "textarea" or "password" or "hidden" => JsonValue.Create(random.Next(3) == 0 ? "" : "hello"),
        "number" or "currency" => JsonValue.Create(5),
        "select" or "radio" => JsonValue.Create("a"),
        "selectboxes" => new JsonObject { ["a"] = true, ["b"] = false, ["c"] = false },
        "checkbox" => JsonValue.Create(true),
        "day" => JsonValue.Create("01/02/2020"),
        "time" => JsonValue.Create("10:30:00"),
        "tags" => JsonValue.Create("x,y"),
        "datetime" => JsonValue.Create("2024-05-01T10:00:00Z"),
        _ => null,
    };

    private static JsonObject Option(string value) => new() { ["label"] = value.ToUpperInvariant(), ["value"] = value };

    private void AddRules(string type, JsonObject validate, JsonObject component)
    {
        switch (type)
        {
            case "textfield" or "textarea" or "password":
                if (random.Next(3) == 0) validate["minLength"] = random.Next(6) == 0 ? JsonValue.Create("3") : JsonValue.Create(random.Next(1, 5));
                if (random.Next(3) == 0) validate["maxLength"] = random.Next(3, 9);
                if (random.Next(4) == 0) validate["pattern"] = Patterns[random.Next(Patterns.Length)];
                if (random.Next(4) == 0) validate["minWords"] = random.Next(1, 4);
                if (random.Next(4) == 0) validate["maxWords"] = random.Next(1, 4);
                if (random.Next(10) == 0) validate["custom"] = "valid = input === 'ok' ? true : 'must be ok';";
                if (random.Next(15) == 0) validate["custom"] = "valid = rowIndex !== 1 ? true : 'not on the second row';";
                if (random.Next(20) == 0) component["customConditional"] = "show = !value || value !== 'no';";
                if (random.Next(12) == 0) component["truncateMultipleSpaces"] = true;
                break;
            case "number" or "currency":
                if (random.Next(2) == 0) validate["min"] = random.Next(-2, 5);
                if (random.Next(2) == 0) validate["max"] = random.Next(5, 20);
                if (random.Next(8) == 0) validate["max"] = random.Next(3) switch { 0 => "10", 1 => "", _ => "abc" };
                if (random.Next(10) == 0) validate["custom"] = "valid = !input || input % 2 === 0;";
                if (random.Next(15) == 0) validate["custom"] = "valid = !row || !row.min || input >= row.min ? true : 'too small';";
                if (random.Next(12) == 0)
                {
                    component["calculateValue"] = "value = typeof value === 'number' ? value * 2 : 3;";
                    if (random.Next(4) > 0) component["calculateServer"] = true;
                }
                break;
            case "select" or "radio":
                if (random.Next(2) == 0) validate["onlyAvailableItems"] = true;
                break;
            case "selectboxes":
                if (random.Next(3) == 0) validate["onlyAvailableItems"] = true;
                if (random.Next(3) == 0) validate["minSelectedCount"] = 2;
                if (random.Next(3) == 0) validate["maxSelectedCount"] = 2;
                break;
        }
    }

    private void AddCondition(JsonObject component, List<Control> controls)
    {
        var candidates = controls
            .Where(c => c.Component["type"]!.GetValue<string>() is "textfield" or "number" or "checkbox" or "select" or "radio" or "selectboxes").ToList();
        if (candidates.Count == 0) return;
        var chosen = candidates[random.Next(candidates.Count)];
        var control = chosen.Component;
        // Conditions name their control by data path or, as older forms do, by bare key.
        var key = random.Next(3) == 0 ? control["key"]!.GetValue<string>() : chosen.Path;
        if (random.Next(4) == 0) component["clearOnHide"] = false;
        switch (random.Next(4))
        {
            case 0:
                component["conditional"] = new JsonObject { ["show"] = random.Next(2) == 0, ["when"] = key, ["eq"] = Sample(control) };
                break;
            case 1:
                component["customConditional"] = random.Next(2) == 0 ? $"show = !!data['{key}'];" : $"show = !!(row && row['{control["key"]}']);";
                break;
            default:
                var ops = new[] { "isEqual", "isNotEqual", "isEmpty", "isNotEmpty", "greaterThan", "lessThan", "greaterThanOrEqual", "lessThanOrEqual", "includes", "notIncludes", "startsWith", "endsWith" };
                var conditions = new JsonArray();
                for (var i = random.Next(1, 3); i > 0; i--)
                    conditions.Add(new JsonObject { ["component"] = key, ["operator"] = ops[random.Next(ops.Length)], ["value"] = Sample(control) });
                component["conditional"] = new JsonObject
                {
                    ["show"] = random.Next(3) > 0,
                    ["conjunction"] = random.Next(2) == 0 ? "all" : "any",
                    ["conditions"] = conditions,
                };
                break;
        }
    }

    private JsonNode Sample(JsonObject control) => control["type"]!.GetValue<string>() switch
    {
        "number" => JsonValue.Create(random.Next(0, 10)),
        "checkbox" when random.Next(3) == 0 => JsonValue.Create(random.Next(2) == 0 ? "true" : "false"),
        "checkbox" => JsonValue.Create(random.Next(2) == 0),
        "select" or "radio" or "selectboxes" => JsonValue.Create(new[] { "a", "b", "z" }[random.Next(3)]),
        _ when random.Next(8) == 0 => JsonValue.Create(random.Next(0, 5)),
        _ => JsonValue.Create(new[] { "ok", "hello", "a", "", "12" }[random.Next(5)]),
    };

    private void AddLayout(JsonArray components, int depth, List<Control> controls, string prefix)
    {
        var type = Layouts[random.Next(Layouts.Length)];
        var layout = new JsonObject { ["type"] = type, ["key"] = $"{type}{++counter}", ["input"] = false };
        var children = new JsonArray();
        if (random.Next(6) == 0) AddCondition(layout, controls);
        if (random.Next(30) == 0) layout["hidden"] = true;
        for (var i = random.Next(1, 4); i > 0; i--)
            AddAny(children, depth + 1, controls, prefix);
        switch (type)
        {
            case "columns":
                layout["columns"] = new JsonArray(new JsonObject { ["components"] = children, ["width"] = 6 }, new JsonObject { ["components"] = new JsonArray(), ["width"] = 6 });
                break;
            case "table":
                layout["rows"] = new JsonArray(new JsonArray(new JsonObject { ["components"] = children }));
                break;
            case "tabs":
                layout["components"] = new JsonArray(new JsonObject { ["key"] = "tab1", ["label"] = "Tab", ["components"] = children });
                break;
            default:
                layout["components"] = children;
                break;
        }
        components.Add(layout);
    }

    private void AddContainer(JsonArray components, int depth, List<Control> controls, string prefix)
    {
        var key = $"container{++counter}";
        var children = new JsonArray();
        var container = new JsonObject { ["type"] = "container", ["key"] = key, ["input"] = true, ["components"] = children };
        if (random.Next(8) == 0) AddCondition(container, controls);
        if (random.Next(12) == 0) container["validate"] = new JsonObject { ["required"] = true };
        for (var i = random.Next(1, 4); i > 0; i--)
            AddAny(children, depth + 1, controls, prefix + key + ".");
        components.Add(container);
    }

    private void AddGrid(JsonArray components, int depth, List<Control> controls, string prefix)
    {
        var type = random.Next(2) == 0 ? "datagrid" : "editgrid";
        var key = $"{type}{++counter}";
        var children = new JsonArray();
        var grid = new JsonObject { ["type"] = type, ["key"] = key, ["input"] = true, ["components"] = children };
        if (random.Next(5) == 0) grid["validate"] = new JsonObject { ["required"] = true };
        if (random.Next(8) == 0) AddCondition(grid, controls);
        // Controls inside the grid are seen by their siblings only.
        var inGrid = new List<Control>(controls);
        for (var i = random.Next(1, 3); i > 0; i--)
            AddAny(children, depth + 1, inGrid, prefix + key + ".");
        components.Add(grid);
    }
}
