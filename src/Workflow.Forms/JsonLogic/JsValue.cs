using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Forms.Schema;

namespace Workflow.Forms.JsonLogic;

/// <summary>
/// JavaScript's values and coercions as json-logic-js meets them: a value is null, bool, double, string,
/// an array (<see cref="List{T}"/>) or an object (a <see cref="JsonObject"/>, read only). JSON cannot hold
/// undefined, and json-logic-js turns a missing variable into null, so null stands for both.
/// </summary>
internal static class JsValue
{
    public static object? From(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o,
        JsonArray a => a.Select(From).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.GetValue<double>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };

    /// <summary>Back to JSON as JSON.stringify would write it (NaN and the infinities as null).</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        double d => double.IsNaN(d) || double.IsInfinity(d) ? null : JsonValue.Create(d),
        string s => JsonValue.Create(s),
        List<object?> list => new JsonArray(list.Select(ToNode).ToArray()),
        JsonObject o => o.DeepClone(),
        _ => null,
    };

    /// <summary>json-logic-js truthiness: JavaScript's, except that an empty array is false.</summary>
    public static bool Truthy(object? v) => v switch
    {
        null => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        List<object?> list => list.Count > 0,
        _ => true,
    };

    public static bool IsObject(object? v) => v is List<object?> or JsonObject;

    /// <summary>String(value).</summary>
    public static string ToStr(object? v) => v switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => NumberToString(d),
        string s => s,
        List<object?> list => string.Join(",", list.Select(x => x is null ? "" : ToStr(x))),
        _ => "[object Object]",
    };

    public static string NumberToString(double d) =>
        double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : Js.NumberToString(d);

    /// <summary>Number(value).</summary>
    public static double ToNumber(object? v) => v switch
    {
        null => 0,
        bool b => b ? 1 : 0,
        double d => d,
        string s => StringToNumber(s),
        List<object?> => StringToNumber(ToStr(v)),
        _ => double.NaN,
    };

    private static double StringToNumber(string s)
    {
        s = Js.Trim(s);
        if (s.Length == 0) return 0;
        if (s is "Infinity" or "+Infinity") return double.PositiveInfinity;
        if (s == "-Infinity") return double.NegativeInfinity;
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && long.TryParse(s[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex)) return hex;
        if (s.Any(ch => ch is not (>= '0' and <= '9' or '.' or 'e' or 'E' or '+' or '-'))) return double.NaN;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;
    }

    /// <summary>parseFloat(value): the longest numeric prefix of String(value).</summary>
    public static double ParseFloat(object? v) => v is double d ? d : Js.ParseFloat(JsonValue.Create(ToStr(v)));

    /// <summary>ToPrimitive for an operator: arrays and objects become their string.</summary>
    private static object? Primitive(object? v) => IsObject(v) ? ToStr(v) : v;

    /// <summary>===: values of the same type and equal; arrays and objects only when they are the same one.</summary>
    public static bool StrictEquals(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (bool x, bool y) => x == y,
        (double x, double y) => x == y,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        _ => a is not null && ReferenceEquals(a, b),
    };

    /// <summary>== with JavaScript's coercions.</summary>
    public static bool LooseEquals(object? a, object? b)
    {
        while (true)
        {
            if (a is null || b is null) return a is null && b is null;
            if (a.GetType() == b.GetType()) return StrictEquals(a, b);
            if (a is bool ba) { a = ba ? 1d : 0d; continue; }
            if (b is bool bb) { b = bb ? 1d : 0d; continue; }
            if (a is double && b is string) return (double)a == ToNumber(b);
            if (a is string && b is double) return ToNumber(a) == (double)b;
            if (IsObject(a) && !IsObject(b)) { a = Primitive(a); continue; }
            if (IsObject(b) && !IsObject(a)) { b = Primitive(b); continue; }
            return ReferenceEquals(a, b);
        }
    }

    /// <summary>The abstract relational comparison behind &lt;: null when either side is NaN (every comparison is then false).</summary>
    public static int? Compare(object? a, object? b)
    {
        a = Primitive(a);
        b = Primitive(b);
        if (a is string sa && b is string sb) return Math.Sign(string.CompareOrdinal(sa, sb));
        var x = ToNumber(a);
        var y = ToNumber(b);
        if (double.IsNaN(x) || double.IsNaN(y)) return null;
        return x.CompareTo(y);
    }

    public static bool Less(object? a, object? b) => Compare(a, b) is < 0;

    public static bool LessOrEqual(object? a, object? b) => Compare(a, b) is <= 0;

    /// <summary>ToIntegerOrInfinity, for string and array positions.</summary>
    public static double ToInteger(object? v)
    {
        var d = ToNumber(v);
        return double.IsNaN(d) ? 0 : Math.Truncate(d);
    }

    /// <summary>lodash isEqual: deep equality of plain values.</summary>
    public static bool DeepEquals(object? a, object? b) => (a, b) switch
    {
        (List<object?> x, List<object?> y) => x.Count == y.Count && x.Zip(y).All(p => DeepEquals(p.First, p.Second)),
        (JsonObject x, JsonObject y) => Js.DeepEquals(x, y),
        (double x, double y) => x == y || (double.IsNaN(x) && double.IsNaN(y)),
        _ => StrictEquals(a, b),
    };
}
