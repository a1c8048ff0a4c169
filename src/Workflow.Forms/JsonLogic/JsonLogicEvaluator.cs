using System.Text.Json.Nodes;
using static Workflow.Forms.JsonLogic.JsValue;

namespace Workflow.Forms.JsonLogic;

/// <summary>A JSON Logic expression that cannot be evaluated; core catches the error and answers null.</summary>
internal sealed class JsonLogicException(string message) : Exception(message);

/// <summary>
/// JSON Logic as json-logic-js 2.0.5 (the version @formio/core 2.8.3 uses) evaluates it, with the
/// operations core adds: lodash's functions as <c>_name</c> (those in <see cref="LodashOperations"/>),
/// <c>getDate</c>, <c>relativeMinDate</c> and <c>relativeMaxDate</c>.
/// </summary>
internal static class JsonLogicEvaluator
{
    /// <summary>The operations json-logic-js itself knows, and core's date operations.</summary>
    private static readonly HashSet<string> Standard =
    [
        "==", "===", "!=", "!==", ">", ">=", "<", "<=", "!!", "!", "%", "log", "in", "cat", "substr", "+", "*", "-", "/",
        "min", "max", "merge", "var", "missing", "missing_some", "if", "?:", "and", "or", "filter", "map", "reduce",
        "all", "none", "some", "getDate", "relativeMinDate", "relativeMaxDate",
    ];

    public static bool IsKnown(string op) => Standard.Contains(op) || (op.StartsWith('_') && LodashOperations.IsKnown(op[1..]));

    /// <summary>The operators a logic uses (objects with exactly one key, at any depth), for the parser to check.</summary>
    public static IEnumerable<string> Operators(JsonNode? logic)
    {
        switch (logic)
        {
            case JsonArray a:
                foreach (var op in a.SelectMany(Operators)) yield return op;
                break;
            case JsonObject { Count: 1 } o:
                var (name, values) = o.First();
                yield return name;
                foreach (var op in Operators(values)) yield return op;
                break;
        }
    }

    /// <summary>
    /// The result (see <see cref="JsValue"/>); null when the expression fails, as core's evaluate makes it. The clock is
    /// today for getDate, relativeMinDate, relativeMaxDate and _now.
    /// </summary>
    public static object? Run(JsonNode? logic, object? data, TimeProvider clock)
    {
        try
        {
            return Apply(logic, data, clock);
        }
        catch (JsonLogicException)
        {
            return null;
        }
    }

    public static object? Apply(JsonNode? logic, object? data, TimeProvider clock)
    {
        if (logic is JsonArray list) return list.Select(l => Apply(l, data, clock)).ToList();
        if (logic is not JsonObject { Count: 1 } o) return From(logic);
        var (op, raw) = o.First();
        var args = raw is JsonArray a ? a.ToList() : [raw];
        switch (op)
        {
            case "if" or "?:":
                int i;
                for (i = 0; i < args.Count - 1; i += 2)
                {
                    if (Truthy(Apply(args[i], data, clock))) return Apply(args[i + 1], data, clock);
                }
                return args.Count == i + 1 ? Apply(args[i], data, clock) : null;
            case "and" or "or":
                object? current = null;
                foreach (var arg in args)
                {
                    current = Apply(arg, data, clock);
                    if (Truthy(current) == (op == "or")) return current;
                }
                return current;
            case "filter" or "map" or "all" or "none" or "some" or "reduce":
                return Scoped(op, args, data, clock);
        }
        var values = args.Select(arg => Apply(arg, data, clock)).ToList();
        if (op.StartsWith('_') && LodashOperations.IsKnown(op[1..])) return LodashOperations.Run(op[1..], values, clock);
        return Operation(op, values, data, clock);
    }

    private static object? Scoped(string op, List<JsonNode?> args, object? data, TimeProvider clock)
    {
        var scopedData = args.Count > 0 ? Apply(args[0], data, clock) : null;
        var logic = args.Count > 1 ? args[1] : null;
        var items = scopedData as List<object?>;
        switch (op)
        {
            case "filter":
                return items is null ? new List<object?>() : items.Where(d => Truthy(Apply(logic, d, clock))).ToList();
            case "map":
                return items is null ? new List<object?>() : items.Select(d => Apply(logic, d, clock)).ToList();
            case "all":
                return items is { Count: > 0 } && items.All(d => Truthy(Apply(logic, d, clock)));
            case "none":
                return items is not { Count: > 0 } || !items.Any(d => Truthy(Apply(logic, d, clock)));
            case "some":
                return items is { Count: > 0 } && items.Any(d => Truthy(Apply(logic, d, clock)));
            default:
                var initial = args.Count > 2 ? Apply(args[2], data, clock) : null;
                if (items is null) return initial;
                return items.Aggregate(initial, (accumulator, current) =>
                    Apply(logic, new Dictionary<string, object?> { ["current"] = current, ["accumulator"] = accumulator }, clock));
        }
    }

    private static object? Arg(List<object?> values, int i) => i < values.Count ? values[i] : null;

    private static object? Operation(string op, List<object?> v, object? data, TimeProvider clock)
    {
        var a = Arg(v, 0);
        var b = Arg(v, 1);
        switch (op)
        {
            case "==": return LooseEquals(a, b);
            case "===": return StrictEquals(a, b);
            case "!=": return !LooseEquals(a, b);
            case "!==": return !StrictEquals(a, b);
            case ">": return Compare(a, b) is > 0;
            case ">=": return Compare(a, b) is >= 0;
            case "<": return v.Count > 2 ? Less(a, b) && Less(b, v[2]) : Less(a, b);
            case "<=": return v.Count > 2 ? LessOrEqual(a, b) && LessOrEqual(b, v[2]) : LessOrEqual(a, b);
            case "!!": return Truthy(a);
            case "!": return !Truthy(a);
            case "%": return Remainder(ToNumber(a), ToNumber(b));
            case "log": return a;
            case "in": return In(a, b);
            case "cat": return string.Concat(v.Select(x => x is null ? "" : ToStr(x)));
            case "substr": return Substr(ToStr(a), b, v.Count > 2 ? v[2] : null, v.Count > 2);
            case "+": return v.Aggregate(0d, (sum, x) => sum + ParseFloat(x));
            case "*":
                if (v.Count == 0) throw new JsonLogicException("* needs a value");
                return v.Count == 1 ? v[0] : v.Skip(1).Aggregate(ParseFloat(v[0]), (product, x) => product * ParseFloat(x));
            case "-": return v.Count < 2 ? -ToNumber(a) : ToNumber(a) - ToNumber(b);
            case "/": return ToNumber(a) / ToNumber(b);
            case "min": return v.Count == 0 ? double.PositiveInfinity : v.Select(ToNumber).Aggregate((x, y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : Math.Min(x, y));
            case "max": return v.Count == 0 ? double.NegativeInfinity : v.Select(ToNumber).Aggregate((x, y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : Math.Max(x, y));
            case "merge": return v.SelectMany(x => x is List<object?> l ? l : [x]).ToList();
            case "var": return Var(a, v.Count > 1 ? b : null, data);
            case "missing": return Missing(a is List<object?> keys ? keys : v, data);
            case "missing_some":
                var options = b as List<object?> ?? throw new JsonLogicException("missing_some needs a list");
                var missing = Missing(options, data);
                return options.Count - missing.Count >= ToNumber(a) ? new List<object?>() : missing;
            case "getDate": return DateOperations.GetDate(a, v.Count > 0, clock);
            case "relativeMinDate": return DateOperations.Relative(-ToNumber(a), clock);
            case "relativeMaxDate": return DateOperations.Relative(ToNumber(a), clock);
            default: throw new JsonLogicException("Unrecognized operation " + op);
        }
    }

    // C#'s % on doubles is JavaScript's (the sign of the dividend, NaN for a zero divisor).
    private static double Remainder(double a, double b) => a % b;

    private static bool In(object? a, object? b)
    {
        if (!Truthy(b) && b is not List<object?>) return false;
        return b switch
        {
            string s => s.Contains(ToStr(a), StringComparison.Ordinal),
            List<object?> list => list.Any(x => StrictEquals(x, a)),
            _ => false,
        };
    }

    /// <summary>String.prototype.substr(start, length), with json-logic-js's negative length counting from the end.</summary>
    private static string Substr(string s, object? start, object? length, bool hasLength)
    {
        var from = (int)Math.Clamp(ToInteger(start) is var st && st < 0 ? Math.Max(s.Length + st, 0) : st, 0, s.Length);
        var rest = s[from..];
        if (!hasLength) return rest;
        var n = ToInteger(length);
        if (ToNumber(length) < 0) return rest[..(int)Math.Max(rest.Length + n, 0)];
        return rest[..(int)Math.Clamp(n, 0, rest.Length)];
    }

    private static object? Var(object? path, object? notFound, object? data)
    {
        if (path is null || path is string { Length: 0 }) return data;
        var current = data;
        foreach (var segment in ToStr(path).Split('.'))
        {
            if (current is null) return notFound;
            if (!TryMember(current, segment, out current)) return notFound;
        }
        return current;
    }

    /// <summary>value[name] for the values JSON Logic meets; false where JavaScript gives undefined.</summary>
    public static bool TryMember(object? value, string name, out object? member)
    {
        member = null;
        switch (value)
        {
            case JsonObject o:
                if (!o.TryGetPropertyValue(name, out var node)) return false;
                member = From(node);
                return true;
            case Dictionary<string, object?> d:
                return d.TryGetValue(name, out member);
            case List<object?> list:
                if (name == "length") { member = (double)list.Count; return true; }
                if (!int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) || i >= list.Count) return false;
                member = list[i];
                return true;
            case string s:
                if (name == "length") { member = (double)s.Length; return true; }
                if (!int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k) || k >= s.Length) return false;
                member = s[k].ToString();
                return true;
            default:
                return false;
        }
    }

    private static List<object?> Missing(List<object?> keys, object? data)
    {
        var missing = new List<object?>();
        foreach (var key in keys)
        {
            var value = Var(key, null, data);
            if (value is null or string { Length: 0 }) missing.Add(key);
        }
        return missing;
    }
}
