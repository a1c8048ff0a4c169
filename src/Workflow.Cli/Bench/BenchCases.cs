using System.Text.Json.Nodes;

namespace Workflow.Cli.Bench;

public sealed record BenchCase(JsonObject Form, JsonObject Submission);

/// <summary>
/// Submissions for the forms benchmark: one value per input component, drawn per type from
/// valid and invalid values (about one field in eight is wrong), deterministic for a seed.
/// </summary>
public static class BenchCases
{
    private static readonly string[] Words = ["leak", "kitchen", "ceiling", "water damage in the bathroom", "", "a", "Rue des Fleurs 12"];

    public static List<BenchCase> Make(IReadOnlyList<JsonObject> forms, int count, int seed)
    {
        var random = new Random(seed);
        var cases = new List<BenchCase>(count);
        for (var i = 0; i < count; i++)
        {
            var form = forms[i % forms.Count];
            var data = new JsonObject();
            Fill(form["components"] as JsonArray ?? [], data, random);
            cases.Add(new BenchCase(form, new JsonObject { ["data"] = data }));
        }
        return cases;
    }

    private static void Fill(JsonArray components, JsonObject target, Random random)
    {
        foreach (var component in components.OfType<JsonObject>())
        {
            var type = component["type"]?.GetValue<string>() ?? "";
            var key = component["key"]?.GetValue<string>() ?? "";
            switch (type)
            {
                case "panel" or "fieldset" or "well":
                    Fill(component["components"] as JsonArray ?? [], target, random);
                    break;
                case "datagrid" or "editgrid":
                    var rows = new JsonArray();
                    for (var r = random.Next(0, 4); r > 0; r--)
                    {
                        var row = new JsonObject();
                        Fill(component["components"] as JsonArray ?? [], row, random);
                        rows.Add(row);
                    }
                    target[key] = rows;
                    break;
                case "container":
                    var inner = new JsonObject();
                    Fill(component["components"] as JsonArray ?? [], inner, random);
                    target[key] = inner;
                    break;
                case "form":
                    // A nested form keeps its data under "data", as Form.io submits it.
                    var nested = new JsonObject();
                    Fill(component["components"] as JsonArray ?? [], nested, random);
                    target[key] = new JsonObject { ["data"] = nested };
                    break;
                case "htmlelement" or "content" or "button":
                    break;
                default:
                    if (random.Next(12) > 0)
                        target[key] = Value(type, component, random, wrong: random.Next(8) == 0);
                    break;
            }
        }
    }

    private static JsonNode? Value(string type, JsonObject component, Random random, bool wrong) => type switch
    {
        "number" or "currency" => wrong ? JsonValue.Create("many") : JsonValue.Create(random.Next(0, 500)),
        "checkbox" => JsonValue.Create(!wrong),
        "datetime" => JsonValue.Create(wrong ? "not a date" : new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero).AddHours(random.Next(0, 200)).ToString("O")),
        "email" => JsonValue.Create(wrong ? "nobody" : $"person{random.Next(100)}@example.be"),
        "radio" => Option(component["values"] as JsonArray, random, wrong),
        "address" => Address(random, wrong),
        "select" when component["multiple"]?.GetValue<bool>() == true => new JsonArray(JsonValue.Create(Guid.NewGuid().ToString())),
        "select" when component["data"]?["values"] is JsonArray values => Option(values, random, wrong),
        "selectboxes" => Boxes(component, random, wrong),
        "appointmentPlanner" => new JsonObject
        {
            ["periodFrom"] = "2026-11-23T08:00:00Z", ["periodTo"] = "2026-11-27T18:00:00Z", ["durationMinutes"] = 60,
            ["expertId"] = Guid.NewGuid().ToString(), ["start"] = "2026-11-23T09:00:00Z", ["end"] = "2026-11-23T10:00:00Z",
        },
        _ => JsonValue.Create(wrong ? new string('x', 5000) : string.Join(' ', Enumerable.Range(0, random.Next(1, 12)).Select(_ => Words[random.Next(Words.Length)]))),
    };

    private static JsonNode? Option(JsonArray? values, Random random, bool wrong) =>
        wrong || values is null || values.Count == 0 ? JsonValue.Create("unknown") : values[random.Next(values.Count)]!["value"]!.DeepClone();

    /// <summary>An address as Form.io's address component submits it: a provider's result, or typed by hand in manual mode.</summary>
    private static JsonObject Address(Random random, bool wrong) => random.Next(2) == 0
        ? new JsonObject
        {
            ["mode"] = "autocomplete",
            ["address"] = wrong ? new JsonObject() : new JsonObject
            {
                ["display_name"] = "Rue des Fleurs 12, 5030 Gembloux, Belgique",
                ["lat"] = "50.566", ["lon"] = "4.692", ["place_id"] = random.Next(1_000_000),
                ["address"] = new JsonObject { ["road"] = "Rue des Fleurs", ["house_number"] = "12", ["postcode"] = "5030", ["town"] = "Gembloux", ["country"] = "Belgique" },
            },
        }
        : new JsonObject
        {
            ["mode"] = "manual",
            ["address"] = new JsonObject
            {
                ["address1"] = "Rue des Fleurs 12", ["address2"] = "", ["city"] = wrong ? "" : "Gembloux", ["state"] = "Namur",
                ["country"] = "Belgique", ["zip"] = wrong ? "50 30" : "5030",
            },
        };

    private static JsonObject Boxes(JsonObject component, Random random, bool wrong)
    {
        var result = new JsonObject();
        foreach (var option in (component["values"] as JsonArray ?? []).OfType<JsonObject>())
            result[option["value"]!.GetValue<string>()] = !wrong && random.Next(3) == 0;
        return result;
    }
}
