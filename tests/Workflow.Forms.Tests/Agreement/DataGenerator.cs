using System.Text.Json.Nodes;

namespace Workflow.Forms.Tests.Agreement;

/// <summary>
/// Draws a submission's data for any form: walks its layout, containers and grids and gives
/// each field a value from ValuePool, sometimes none, sometimes the wrong shape.
/// </summary>
internal sealed class DataGenerator(Random random)
{
    public JsonObject For(JsonArray components)
    {
        var data = new JsonObject();
        Fill(components, data);
        return data;
    }

    private void Fill(JsonArray? components, JsonObject target)
    {
        foreach (var component in components?.OfType<JsonObject>() ?? [])
        {
            var type = component["type"]?.GetValue<string>() ?? "";
            var key = component["key"]?.GetValue<string>() ?? "";
            switch (type)
            {
                case "panel" or "fieldset" or "well":
                    Fill(component["components"] as JsonArray, target);
                    break;
                case "tabs":
                    foreach (var tab in (component["components"] as JsonArray ?? []).OfType<JsonObject>())
                        Fill(tab["components"] as JsonArray, target);
                    break;
                case "columns":
                    foreach (var column in (component["columns"] as JsonArray ?? []).OfType<JsonObject>())
                        Fill(column["components"] as JsonArray, target);
                    break;
                case "table":
                    foreach (var cell in (component["rows"] as JsonArray ?? []).OfType<JsonArray>().SelectMany(r => r.OfType<JsonObject>()))
                        Fill(cell["components"] as JsonArray, target);
                    break;
                case "htmlelement" or "content" or "button":
                    break;
                case "container":
                    if (random.Next(10) == 0) break;
                    if (random.Next(20) == 0) { target[key] = "not an object"; break; }
                    var inner = new JsonObject();
                    Fill(component["components"] as JsonArray, inner);
                    target[key] = inner;
                    break;
                case "form":
                    // A nested form keeps its values under "data".
                    if (random.Next(10) == 0) break;
                    var nested = new JsonObject();
                    Fill(component["components"] as JsonArray, nested);
                    target[key] = random.Next(20) == 0 ? nested : new JsonObject { ["data"] = nested };
                    break;
                case "address":
                    if (random.Next(10) == 0) break;
                    target[key] = Address();
                    break;
                case "datagrid" or "editgrid":
                    if (random.Next(8) == 0) break;
                    if (random.Next(25) == 0) { target[key] = random.Next(2) == 0 ? "not rows" : new JsonObject(); break; }
                    var rows = new JsonArray();
                    for (var i = random.Next(0, 4); i > 0; i--)
                    {
                        if (random.Next(20) == 0) { rows.Add(null); continue; }
                        var row = new JsonObject();
                        Fill(component["components"] as JsonArray, row);
                        rows.Add(row);
                    }
                    target[key] = rows;
                    break;
                default:
                    if (random.Next(10) == 0) break;
                    target[key] = Value(type, component);
                    break;
            }
        }
    }

    /// <summary>An address as the browser submits it: a provider's result, typed by hand, or empty.</summary>
    private JsonNode Address() => random.Next(4) switch
    {
        0 => new JsonObject { ["mode"] = "autocomplete", ["address"] = new JsonObject { ["display_name"] = "Rue des Fleurs 12, Gembloux", ["lat"] = "50.566", ["lon"] = "4.692" } },
        1 => new JsonObject { ["mode"] = "manual", ["address"] = new JsonObject { ["address1"] = "Rue des Fleurs 12", ["city"] = random.Next(3) == 0 ? "" : "Gembloux", ["zip"] = "5030" } },
        2 => new JsonObject { ["display_name"] = "Gembloux", ["lat"] = "50.56", ["lon"] = "4.69" },
        _ => new JsonObject { ["mode"] = "autocomplete", ["address"] = new JsonObject() },
    };

    private JsonNode? Value(string type, JsonObject component)
    {
        var value = ValuePool.For(type, random, component);
        if (component["multiple"]?.GetValue<bool>() != true || random.Next(5) == 0) return value;
        return random.Next(4) == 0 ? new JsonArray() : new JsonArray(value?.DeepClone(), ValuePool.For(type, random, component));
    }
}
