using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Workflow.Forms.Schema;

/// <summary>
/// JavaScript's value semantics over JSON nodes. @formio/core's rules are written against JS
/// truthiness, parseFloat and strict equality; agreeing with it means reproducing them exactly.
/// </summary>
public static partial class Js
{
    public static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.False => false,
            JsonValueKind.True => true,
            JsonValueKind.Number => v.GetValue<double>() is var d && d != 0 && !double.IsNaN(d),
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            JsonValueKind.Null => false,
            _ => true,
        },
        _ => true,
    };

    /// <summary>
    /// The same JSON with its strings held as .NET strings: a string read from a parsed node is
    /// decoded again at every read, and the rules read a value's text many times.
    /// </summary>
    public static JsonNode? WithClrStrings(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, WithClrStrings(p.Value)))),
        JsonArray a => new JsonArray(a.Select(WithClrStrings).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(v.GetValue<string>()),
        JsonValue v when v.TryGetValue<JsonElement>(out var e) => JsonValue.Create(e),
        _ => node.DeepClone(),
    };

    /// <summary>
    /// DeepClone without its cost: a value read from JSON shares its (immutable) element instead of
    /// copying it into a document of its own, as JsonNode.DeepClone does for each one.
    /// </summary>
    public static JsonNode? Copy(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Copy(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Copy).ToArray()),
        JsonValue v when v.TryGetValue<JsonElement>(out var e) => JsonValue.Create(e),
        _ => node.DeepClone(),
    };

    public static bool IsNull(JsonNode? node) => node is null || (node is JsonValue v && v.GetValueKind() == JsonValueKind.Null);

    public static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    public static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    public static bool IsBoolean(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    public static string? AsString(JsonNode? node) => IsString(node) ? node!.GetValue<string>() : null;

    public static double AsNumber(JsonNode? node) => IsNumber(node) ? node!.GetValue<double>() : double.NaN;

    /// <summary>JS String(value).</summary>
    public static string ToJsString(JsonNode? node) => node switch
    {
        null => "undefined",
        JsonArray a => string.Join(",", a.Select(x => IsNull(x) ? "" : ToJsString(x))),
        JsonObject => "[object Object]",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            JsonValueKind.Number => NumberToString(v.GetValue<double>()),
            _ => v.ToJsonString(),
        },
        _ => "",
    };

    public static string NumberToString(double d) =>
        double.IsNaN(d) ? "NaN" : d == Math.Floor(d) && Math.Abs(d) < 1e21 ? ((decimal)d).ToString(CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>JS parseFloat: the longest numeric prefix of String(value), after leading white space.</summary>
    public static double ParseFloat(JsonNode? node)
    {
        if (IsNumber(node)) return node!.GetValue<double>();
        if (node is JsonObject || IsBoolean(node) || IsNull(node)) return double.NaN;
        var text = ToJsString(node).TrimStart();
        var m = FloatPrefix().Match(text);
        if (m.Success && m.Length > 0)
            return double.Parse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (text.StartsWith("Infinity", StringComparison.Ordinal) || text.StartsWith("+Infinity", StringComparison.Ordinal)) return double.PositiveInfinity;
        if (text.StartsWith("-Infinity", StringComparison.Ordinal)) return double.NegativeInfinity;
        return double.NaN;
    }

    /// <summary>JS parseInt(value, 10).</summary>
    public static double ParseInt(string text)
    {
        var m = IntPrefix().Match(text.TrimStart());
        return m.Success ? double.Parse(m.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : double.NaN;
    }

    /// <summary>A numeric setting as core reads it: strings through parseInt or parseFloat, numbers as they are.</summary>
    public static double? Setting(JsonNode? node, bool integer)
    {
        if (node is null) return null;
        if (IsString(node)) return integer ? ParseInt(node.GetValue<string>()) : ParseFloat(node);
        if (IsNumber(node)) return node.GetValue<double>();
        return IsNull(node) ? 0 : double.NaN;
    }

    /// <summary>Number(value) for the values a JSON submission can hold.</summary>
    public static double ToNumber(JsonNode? node)
    {
        switch (node)
        {
            case null: return double.NaN;
            case JsonObject: return double.NaN;
            case JsonArray a: return a.Count == 0 ? 0 : a.Count == 1 ? ToNumber(a[0] is JsonArray or JsonObject ? a[0] : JsonValue.Create(ToJsString(a[0]))) : double.NaN;
        }
        var v = (JsonValue)node;
        switch (v.GetValueKind())
        {
            case JsonValueKind.Number: return v.GetValue<double>();
            case JsonValueKind.True: return 1;
            case JsonValueKind.False: return 0;
            case JsonValueKind.Null: return 0;
        }
        var s = v.GetValue<string>().Trim();
        if (s.Length == 0) return 0;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;
    }

    /// <summary>JS ===, which for objects and arrays is identity: two JSON values are never identical.</summary>
    public static bool StrictEquals(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a is not JsonValue va || b is not JsonValue vb) return false;
        var ka = va.GetValueKind();
        if (ka != vb.GetValueKind()) return false;
        return ka switch
        {
            JsonValueKind.Number => va.GetValue<double>() == vb.GetValue<double>(),
            JsonValueKind.String => va.GetValue<string>() == vb.GetValue<string>(),
            _ => true,
        };
    }

    /// <summary>lodash isEqual over JSON values.</summary>
    public static bool DeepEquals(JsonNode? a, JsonNode? b)
    {
        if (IsNumber(a) && IsNumber(b)) return a!.GetValue<double>() == b!.GetValue<double>();
        return JsonNode.DeepEquals(a, b);
    }

    /// <summary>lodash isEmpty: numbers and booleans count as empty.</summary>
    public static bool LodashIsEmpty(JsonNode? node) => node switch
    {
        JsonObject o => o.Count == 0,
        JsonArray a => a.Count == 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length == 0,
        _ => true,
    };

    public static bool IsEmptyPlainObject(JsonNode? node) => node is JsonObject { Count: 0 };

    /// <summary>JS String.prototype.trim, which also strips the BOM and line separators.</summary>
    public static string Trim(string s) => s.Trim().Trim(JsOnlySpaces);

    /// <summary>JS s.trim() === "": every character is white space or a line terminator.</summary>
    public static bool IsBlank(string s)
    {
        foreach (var ch in s)
        {
            if (!char.IsWhiteSpace(ch) && ch != '\uFEFF') return false;
        }
        return true;
    }

    private static readonly char[] JsOnlySpaces = ['\uFEFF', '\u2028', '\u2029'];

    [GeneratedRegex(@"^[+-]?([0-9]+\.?[0-9]*([eE][+-]?[0-9]+)?|\.[0-9]+([eE][+-]?[0-9]+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPrefix();

    [GeneratedRegex(@"^[+-]?[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex IntPrefix();
}
