using System.Text.Json.Nodes;

namespace Workflow.Forms.Tests.Agreement;

/// <summary>
/// Adds JSON Logic and field logic to generated components: conditional.json, validate.json, and logic items
/// (simple, json and javascript triggers; hidden, validate.required and value actions; {{ }} placeholders in
/// validate.custom). It draws from its own random sequence, so the forms FormGenerator makes from a seed stay
/// the same with or without it. Triggers read controls outside grids only: core keeps a change made by logic
/// in one grid row for the later rows (see docs/forms.md), which this validator does not copy.
/// </summary>
internal sealed class LogicGenerator(int seed)
{
    private readonly Random random = new(unchecked(seed * 31 + 7));

    public void Decorate(JsonObject component, string type, List<FormGenerator.Control> controls)
    {
        var outside = controls.Where(c => !c.Path.Split('.').Any(s => s.StartsWith("datagrid", StringComparison.Ordinal) || s.StartsWith("editgrid", StringComparison.Ordinal))
            && c.Component["type"]!.GetValue<string>() is "textfield" or "number" or "checkbox" or "select" or "radio").ToList();
        var control = outside.Count > 0 ? outside[random.Next(outside.Count)] : null;
        if (control is not null && random.Next(12) == 0)
        {
            var conditional = component["conditional"] as JsonObject ?? new JsonObject();
            conditional["json"] = Test(control);
            component["conditional"] = conditional;
        }
        if (type is "textfield" or "textarea" or "number" or "email" && random.Next(12) == 0)
        {
            var validate = component["validate"] as JsonObject ?? new JsonObject();
            validate["json"] = random.Next(3) switch
            {
                0 => Parse("""{"if":[{"!!":[{"var":"input"}]},true,"needs a value"]}"""),
                1 => Parse("""{"if":[{"<=":[{"_size":[{"_toString":[{"var":"input"}]}]},3]},true,"too long"]}"""),
                _ => Parse("""{"===":[{"var":"input"},"ok"]}"""),
            };
            component["validate"] = validate;
        }
        if (type is "textfield" && control is not null && random.Next(15) == 0)
        {
            var validate = component["validate"] as JsonObject ?? new JsonObject();
            validate["custom"] = $"valid = '{{{{ data.{control.Path} }}}}' !== 'ok' || 'no ok twice';";
            component["validate"] = validate;
        }
        if (control is not null && random.Next(8) == 0)
            component["logic"] = new JsonArray(new JsonObject { ["name"] = "generated", ["trigger"] = Trigger(control), ["actions"] = new JsonArray(Action(type, component["multiple"] is not null)) });
    }

    private JsonNode Test(FormGenerator.Control control)
    {
        var read = new JsonObject { ["var"] = "data." + control.Path };
        return random.Next(4) switch
        {
            0 => new JsonObject { ["=="] = new JsonArray(read, Sample(control)) },
            1 => new JsonObject { ["!"] = new JsonArray(read) },
            2 => new JsonObject { [">"] = new JsonArray(read, random.Next(0, 6)) },
            _ => new JsonObject { ["in"] = new JsonArray(Sample(control), new JsonArray("a", "b", "ok", read)) },
        };
    }

    private JsonObject Trigger(FormGenerator.Control control) => random.Next(3) switch
    {
        0 => new JsonObject
        {
            ["type"] = "simple",
            ["simple"] = new JsonObject
            {
                ["show"] = random.Next(3) > 0,
                ["conjunction"] = "all",
                ["conditions"] = new JsonArray(new JsonObject { ["component"] = control.Path, ["operator"] = random.Next(2) == 0 ? "isEqual" : "isNotEmpty", ["value"] = Sample(control) }),
            },
        },
        1 => new JsonObject { ["type"] = "json", ["json"] = Test(control) },
        _ => new JsonObject { ["type"] = "javascript", ["javascript"] = $"result = !!data.{control.Path.Replace(".", "?.")};" },
    };

    // No value action on a multiple component: core normalises the single value it sets into an array, which is not this helper's area.
    private JsonObject Action(string type, bool multiple) => random.Next(3) switch
    {
        0 => Property("hidden", random.Next(4) > 0),
        _ when multiple => Property("validate.required", true),
        1 => Property("validate.required", true),
        _ => type switch
        {
            "number" or "currency" => new JsonObject { ["name"] = "v", ["type"] = "value", ["value"] = "value = 7;" },
            "textfield" or "textarea" or "password" when random.Next(2) == 0 => new JsonObject { ["name"] = "v", ["type"] = "value", ["value"] = Parse("""{"cat":["ok",""]}""") },
            "textfield" or "textarea" or "password" => new JsonObject { ["name"] = "v", ["type"] = "value", ["value"] = "value = 'no';" },
            _ => Property("validate.required", true),
        },
    };

    private static JsonObject Property(string name, bool state) => new()
    {
        ["name"] = "p",
        ["type"] = "property",
        ["property"] = new JsonObject { ["label"] = name, ["value"] = name, ["type"] = "boolean" },
        ["state"] = state,
    };

    private JsonNode Sample(FormGenerator.Control control) => control.Component["type"]!.GetValue<string>() switch
    {
        "number" => JsonValue.Create(random.Next(0, 10)),
        "checkbox" => JsonValue.Create(random.Next(2) == 0),
        "select" or "radio" => JsonValue.Create(new[] { "a", "b", "z" }[random.Next(3)]),
        _ => JsonValue.Create(new[] { "ok", "hello", "a", "" }[random.Next(4)]),
    };

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;
}
