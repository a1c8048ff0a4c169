using System.Text.Json.Nodes;

namespace Workflow.Forms.Tests.Agreement;

/// <summary>Valid and invalid values per component type, the raw material of the generated submissions.</summary>
internal static class ValuePool
{
    private static readonly string[] Texts = ["", " ", "a", "ab", "abc", "hello", "hello world", "one two three four", "12", "1234", "12345678", "abc123", "a b", "ok", "no", "x  y   z", "b"];
    private static readonly string[] Emails = ["jean@example.com", "a.b@c.fr", "bad@", "@bad.com", "no at sign", "x@y", "first.last@sub.domain.org", "a b@c.com", "Jean@Example.COM", " a.b@c.fr "];
    private static readonly string[] Urls = ["https://example.com", "http://localhost:3000", "example.com", "ftp://files.example.org/a", "not a url", "http://", "me@example.com", "https://10.0.0.1", "www.test.fr/path?q=1"];
    private static readonly string[] Days = ["03/15/2020", "15/03/2020", "02/30/2021", "02/29/2024", "13/01/2020", "00/00/0000", "1/2/3", "aa/bb/cccc", "12/31/9999", "04/31/2020", "5/2020", "01/02/2019", "12/31/2025", "06/15/2021", "2/29/2023"];
    private static readonly string[] Dates = ["2024-05-01T10:00:00Z", "2024-05-01", "2024-02-30T10:00:00Z", "not a date", "2024-13-01T00:00:00Z", "Invalid date", "2023-12-31T23:59:59.000+01:00", "2024-05-01T12:00:00", "2019-12-31", "2024-12-31T23:00:00Z"];
    private static readonly string[] Times = ["10:30:00", "23:59:59", "24:00:00", "10:30", "9:30:00", "abc", "10:30 AM", "09:05 PM", "7:05", "12:00 am"];
    private static readonly string[] Phones = ["(555) 123-4567", "555-123-4567", "(555) 123-456", "(55a) 123-4567", "(555) 123-45678"];

    public static JsonNode? For(string type, Random random, JsonObject component)
    {
        var roll = random.Next(100);
        if (roll < 8) return null;
        if (roll < 12) return JsonValue.Create("");
        if (roll < 17) return Chaos(random);
        return type switch
        {
            "textfield" or "textarea" or "password" => random.Next(10) == 0 ? Odd(random) : Pick(random, Texts),
            "email" => Pick(random, Emails),
            "url" => Pick(random, Urls),
            "day" => Pick(random, Days),
            "datetime" => random.Next(12) == 0 ? JsonValue.Create(5) : Pick(random, Dates),
            "phoneNumber" or "textfield" when component["allowMultipleMasks"] is not null && random.Next(3) > 0 => Masked(random),
            "phoneNumber" => Pick(random, Phones),
            "tags" when random.Next(4) == 0 => random.Next(2) == 0 ? new JsonArray("a", "b") : JsonValue.Create("a,,b"),
            "selectboxes" when random.Next(8) == 0 => random.Next(2) == 0 ? new JsonArray("a", "z") : JsonValue.Create("b"),
            "time" => Pick(random, Times),
            "appointmentPlanner" => random.Next(3) switch
            {
                0 => new JsonObject(),
                1 => new JsonObject { ["slot"] = new JsonObject { ["start"] = "2026-11-23T09:00:00Z" }, ["parties"] = new JsonArray() },
                _ => new JsonObject { ["period"] = new JsonObject { ["from"] = "", ["to"] = null } },
            },
            "number" or "currency" => Number(random),
            "checkbox" => random.Next(8) switch { 0 => JsonValue.Create("yes"), < 4 => JsonValue.Create(false), _ => JsonValue.Create(true) },
            "select" or "radio" => Option(random, component),
            "selectboxes" => Boxes(random, component),
            _ => Pick(random, Texts),
        };
    }

    // A value with several masks: {maskName, value}, or not quite.
    private static JsonNode Masked(Random random) => random.Next(7) switch
    {
        0 => new JsonObject { ["maskName"] = "Short", ["value"] = "555-1234" },
        1 => new JsonObject { ["maskName"] = "Long", ["value"] = "(555) 123-4567" },
        2 => new JsonObject { ["maskName"] = "Short", ["value"] = "(555) 123-4567" },
        3 => new JsonObject { ["maskName"] = "Other", ["value"] = "x" },
        4 => new JsonObject { ["maskName"] = "Long", ["value"] = "" },
        5 => new JsonObject { ["maskName"] = "Short" },
        _ => JsonValue.Create("555-1234"),
    };

    private static JsonNode? Number(Random random) => random.Next(14) switch
    {
        0 => JsonValue.Create("7"),
        1 => JsonValue.Create("abc"),
        10 => JsonValue.Create(" 12 "),
        11 => JsonValue.Create("1e1"),
        12 => JsonValue.Create("0x10"),
        13 => JsonValue.Create("-3.5"),
        2 => JsonValue.Create(true),
        3 => JsonValue.Create(0),
        4 => JsonValue.Create(2.5),
        _ => JsonValue.Create(random.Next(-5, 30)),
    };

    private static JsonNode? Option(Random random, JsonObject component)
    {
        // Options read from a URL (the shipped forms' participants and locations) are not checked by either validator: any id will do.
        if ((component["values"] ?? component["data"]?["values"] ?? component["data"]?["json"]) is not JsonArray values)
            return random.Next(3) == 0 ? Pick(random, Texts) : JsonValue.Create(new Guid(random.Next(), 0, 0, new byte[8]).ToString());
        return random.Next(10) switch
        {
            0 => JsonValue.Create("unknown"),
            1 => JsonValue.Create(3),
            _ => values[random.Next(values.Count)]!["value"]!.DeepClone(),
        };
    }

    private static JsonNode Boxes(Random random, JsonObject component)
    {
        var result = new JsonObject();
        foreach (var option in component["values"]!.AsArray())
            result[option!["value"]!.GetValue<string>()] = random.Next(2) == 0;
        if (random.Next(8) == 0) result["extra"] = true;
        if (random.Next(10) == 0) return new JsonObject();
        return result;
    }

    // Any JSON at all, whatever the component expects.
    private static JsonNode? Chaos(Random random) => random.Next(12) switch
    {
        0 => JsonValue.Create(42),
        1 => JsonValue.Create(-1.5),
        2 => JsonValue.Create(true),
        3 => JsonValue.Create(false),
        4 => JsonValue.Create("text"),
        5 => new JsonObject { ["a"] = 1 },
        6 => new JsonObject(),
        7 => new JsonArray(),
        8 => new JsonArray("x"),
        9 => new JsonArray(1, 2),
        10 => new JsonArray(new JsonObject { ["a"] = "b" }),
        _ => JsonValue.Create("  "),
    };

    private static JsonNode Odd(Random random) => random.Next(3) switch
    {
        0 => JsonValue.Create(42),
        1 => new JsonArray("x", "y"),
        _ => JsonValue.Create(true),
    };

    public static JsonNode Pick(Random random, string[] items) => JsonValue.Create(items[random.Next(items.Length)]);
}
