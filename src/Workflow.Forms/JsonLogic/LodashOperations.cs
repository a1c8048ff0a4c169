using System.Globalization;
using System.Text.Json.Nodes;
using Workflow.Forms.Schema;
using static Workflow.Forms.JsonLogic.JsValue;

namespace Workflow.Forms.JsonLogic;

/// <summary>
/// The lodash functions core exposes to JSON Logic as <c>_name</c>, those a form can use on JSON values.
/// Functions that take an iteratee accept a property name (lodash's <c>_.property</c> shorthand) or none.
/// Core registers more (functions of functions, random ones); the parser refuses a form that uses one of those,
/// so a form never validates differently here without notice.
/// </summary>
internal static class LodashOperations
{
    private delegate object? Operation(List<object?> args);

    private static readonly Dictionary<string, Operation> Operations = new(StringComparer.Ordinal)
    {
        // Lang
        ["isEqual"] = a => DeepEquals(At(a, 0), At(a, 1)),
        ["isEmpty"] = a => IsEmpty(At(a, 0)),
        ["isNil"] = a => At(a, 0) is null,
        ["isNull"] = a => a.Count > 0 && a[0] is null,
        ["isUndefined"] = a => a.Count == 0,
        ["isString"] = a => At(a, 0) is string,
        ["isNumber"] = a => At(a, 0) is double,
        ["isBoolean"] = a => At(a, 0) is bool,
        ["isArray"] = a => At(a, 0) is List<object?>,
        ["isObject"] = a => IsObject(At(a, 0)),
        ["isPlainObject"] = a => At(a, 0) is JsonObject,
        ["isInteger"] = a => At(a, 0) is double d && Math.Floor(d) == d && !double.IsInfinity(d),
        ["isFinite"] = a => At(a, 0) is double d && double.IsFinite(d),
        ["isNaN"] = a => At(a, 0) is double d && double.IsNaN(d),
        ["toNumber"] = a => ToNumber(At(a, 0)),
        ["toString"] = a => LodashString(At(a, 0)),
        ["toInteger"] = a => ToInteger(At(a, 0)),
        ["castArray"] = a => a.Count == 0 ? new List<object?>() : a[0] is List<object?> l ? l : [a[0]],
        ["eq"] = a => SameValueZero(At(a, 0), At(a, 1)),
        ["gt"] = a => Relational(a) is > 0,
        ["gte"] = a => Relational(a) is >= 0,
        ["lt"] = a => Relational(a) is < 0,
        ["lte"] = a => Relational(a) is <= 0,
        // Math
        ["add"] = a => Add(At(a, 0), At(a, 1)),
        ["subtract"] = a => ToNumber(At(a, 0)) - ToNumber(At(a, 1)),
        ["multiply"] = a => ToNumber(At(a, 0)) * ToNumber(At(a, 1)),
        ["divide"] = a => ToNumber(At(a, 0)) / ToNumber(At(a, 1)),
        ["sum"] = a => Sum(Items(At(a, 0))),
        ["sumBy"] = a => Sum(Items(At(a, 0)).Select(Iteratee(At(a, 1)))),
        ["mean"] = a => Items(At(a, 0)) is { Count: > 0 } l ? ToNumber(Sum(l)) / l.Count : double.NaN,
        ["meanBy"] = a => Items(At(a, 0)) is { Count: > 0 } l ? ToNumber(Sum(l.Select(Iteratee(At(a, 1))))) / l.Count : double.NaN,
        ["max"] = a => Extreme(Items(At(a, 0)), null, 1),
        ["maxBy"] = a => Extreme(Items(At(a, 0)), At(a, 1), 1),
        ["min"] = a => Extreme(Items(At(a, 0)), null, -1),
        ["minBy"] = a => Extreme(Items(At(a, 0)), At(a, 1), -1),
        ["round"] = a => Round(At(a, 0), At(a, 1), x => Math.Floor(x + 0.5)),
        ["floor"] = a => Round(At(a, 0), At(a, 1), Math.Floor),
        ["ceil"] = a => Round(At(a, 0), At(a, 1), Math.Ceiling),
        ["clamp"] = a => Math.Max(Math.Min(ToNumber(At(a, 0)), ToNumber(At(a, 2))), ToNumber(At(a, 1))),
        ["inRange"] = a => InRange(a),
        // Arrays
        ["compact"] = a => Items(At(a, 0)).Where(JsTruthy).ToList(),
        ["concat"] = a => a.Count == 0 ? new List<object?>() : Items(a[0] is List<object?> ? a[0] : new List<object?> { a[0] }).Concat(a.Skip(1).SelectMany(x => x is List<object?> l ? l : [x])).ToList(),
        ["flatten"] = a => Items(At(a, 0)).SelectMany(x => x is List<object?> l ? l : [x]).ToList(),
        ["first"] = a => Items(At(a, 0)).FirstOrDefault(),
        ["head"] = a => Items(At(a, 0)).FirstOrDefault(),
        ["last"] = a => Items(At(a, 0)).LastOrDefault(),
        ["nth"] = a => Nth(Items(At(a, 0)), a.Count > 1 ? (int)ToInteger(a[1]) : 0),
        ["join"] = a => At(a, 0) is List<object?> l ? string.Join(a.Count > 1 && a[1] is not null ? ToStr(a[1]) : ",", l.Select(x => x is null ? "" : ToStr(x))) : "",
        ["uniq"] = a => Distinct(Items(At(a, 0)), x => x),
        ["uniqBy"] = a => Distinct(Items(At(a, 0)), Iteratee(At(a, 1))),
        ["union"] = a => Distinct(a.SelectMany(Items).ToList(), x => x),
        ["intersection"] = a => a.Count == 0 ? new List<object?>() : Distinct(Items(a[0]).Where(x => a.Skip(1).All(o => Items(o).Any(y => SameValueZero(x, y)))).ToList(), x => x),
        ["difference"] = a => Items(At(a, 0)).Where(x => !a.Skip(1).Any(o => Items(o).Any(y => SameValueZero(x, y)))).ToList(),
        ["without"] = a => Items(At(a, 0)).Where(x => !a.Skip(1).Any(y => SameValueZero(x, y))).ToList(),
        ["indexOf"] = a => (double)Items(At(a, 0)).FindIndex(x => SameValueZero(x, At(a, 1))),
        ["lastIndexOf"] = a => (double)Items(At(a, 0)).FindLastIndex(x => SameValueZero(x, At(a, 1))),
        ["take"] = a => Items(At(a, 0)).Take(Count(a)).ToList(),
        ["takeRight"] = a => Items(At(a, 0)).TakeLast(Count(a)).ToList(),
        ["drop"] = a => Items(At(a, 0)).Skip(Count(a)).ToList(),
        ["dropRight"] = a => Items(At(a, 0)).SkipLast(Count(a)).ToList(),
        ["tail"] = a => Items(At(a, 0)).Skip(1).ToList(),
        ["initial"] = a => Items(At(a, 0)).SkipLast(1).ToList(),
        // Collections
        ["size"] = a => (double)(At(a, 0) switch { List<object?> l => l.Count, string s => s.Length, JsonObject o => o.Count, _ => 0 }),
        ["includes"] = a => Includes(At(a, 0), At(a, 1)),
        ["map"] = a => Collection(At(a, 0)).Select(Iteratee(At(a, 1))).ToList(),
        ["filter"] = a => Collection(At(a, 0)).Where(x => JsTruthy(Iteratee(At(a, 1))(x))).ToList(),
        ["reject"] = a => Collection(At(a, 0)).Where(x => !JsTruthy(Iteratee(At(a, 1))(x))).ToList(),
        ["find"] = a => Collection(At(a, 0)).FirstOrDefault(x => JsTruthy(Iteratee(At(a, 1))(x))),
        ["findLast"] = a => Collection(At(a, 0)).LastOrDefault(x => JsTruthy(Iteratee(At(a, 1))(x))),
        ["some"] = a => Collection(At(a, 0)).Any(x => JsTruthy(Iteratee(At(a, 1))(x))),
        ["every"] = a => Collection(At(a, 0)).All(x => JsTruthy(Iteratee(At(a, 1))(x))),
        // Objects
        ["get"] = a => Get(At(a, 0), At(a, 1), out var found) is var v && found ? v : At(a, 2),
        ["has"] = a => Get(At(a, 0), At(a, 1), out var found) is var _ && found,
        ["keys"] = a => At(a, 0) switch
        {
            JsonObject o => o.Select(kv => (object?)kv.Key).ToList(),
            List<object?> l => Enumerable.Range(0, l.Count).Select(i => (object?)i.ToString(CultureInfo.InvariantCulture)).ToList(),
            string s => Enumerable.Range(0, s.Length).Select(i => (object?)i.ToString(CultureInfo.InvariantCulture)).ToList(),
            _ => new List<object?>(),
        },
        ["values"] = a => Collection(At(a, 0)),
        // Strings
        ["toLower"] = a => LodashString(At(a, 0)).ToLowerInvariant(),
        ["toUpper"] = a => LodashString(At(a, 0)).ToUpperInvariant(),
        ["trim"] = a => a.Count > 1 && a[1] is not null ? LodashString(a[0]).Trim(LodashString(a[1]).ToCharArray()) : Js.Trim(LodashString(At(a, 0))),
        ["trimStart"] = a => LodashString(At(a, 0)).TrimStart(),
        ["trimEnd"] = a => LodashString(At(a, 0)).TrimEnd(),
        ["capitalize"] = a => LodashString(At(a, 0)) is { Length: > 0 } s ? char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant() : "",
        ["upperFirst"] = a => LodashString(At(a, 0)) is { Length: > 0 } s ? char.ToUpperInvariant(s[0]) + s[1..] : "",
        ["lowerFirst"] = a => LodashString(At(a, 0)) is { Length: > 0 } s ? char.ToLowerInvariant(s[0]) + s[1..] : "",
        ["startsWith"] = a => LodashString(At(a, 0)).StartsWith(LodashString(At(a, 1)), StringComparison.Ordinal),
        ["endsWith"] = a => LodashString(At(a, 0)).EndsWith(LodashString(At(a, 1)), StringComparison.Ordinal),
        ["repeat"] = a => Repeat(LodashString(At(a, 0)), a.Count > 1 ? ToInteger(a[1]) : 1),
        ["padStart"] = a => Pad(LodashString(At(a, 0)), a, start: true),
        ["padEnd"] = a => Pad(LodashString(At(a, 0)), a, start: false),
        ["split"] = a => LodashString(At(a, 0)).Split(LodashString(At(a, 1))).Select(x => (object?)x).ToList(),
        ["replace"] = a => a.Count < 3 ? LodashString(At(a, 0)) : ReplaceFirst(LodashString(a[0]), LodashString(a[1]), LodashString(a[2])),
        ["parseInt"] = a => Js.ParseInt(LodashString(At(a, 0))),
        ["defaultTo"] = a => At(a, 0) is null or double.NaN ? At(a, 1) : At(a, 0),
        // Answered by Run, from the validation's clock.
        ["now"] = _ => null,
    };

    public static bool IsKnown(string name) => Operations.ContainsKey(name);

    public static object? Run(string name, List<object?> args, TimeProvider clock) =>
        name == "now" ? (double)clock.GetUtcNow().ToUnixTimeMilliseconds() : Operations[name](args);

    private static object? At(List<object?> a, int i) => i < a.Count ? a[i] : null;

    private static List<object?> Items(object? v) => v as List<object?> ?? [];

    /// <summary>The values a lodash collection function walks: an array's items, an object's values.</summary>
    private static List<object?> Collection(object? v) => v switch
    {
        List<object?> l => l,
        JsonObject o => o.Select(kv => From(kv.Value)).ToList(),
        string s => s.Select(ch => (object?)ch.ToString()).ToList(),
        _ => [],
    };

    private static int Count(List<object?> a) => a.Count > 1 ? (int)Math.Max(0, Math.Min(int.MaxValue, ToInteger(a[1]))) : 1;

    private static bool JsTruthy(object? v) => v is List<object?> || Truthy(v);

    private static string LodashString(object? v) => v is null ? "" : ToStr(v);

    private static bool SameValueZero(object? a, object? b) => a is double x && b is double y ? x == y || (double.IsNaN(x) && double.IsNaN(y)) : StrictEquals(a, b);

    private static bool IsEmpty(object? v) => v switch
    {
        string s => s.Length == 0,
        List<object?> l => l.Count == 0,
        JsonObject o => o.Count == 0,
        _ => true,
    };

    private static int? Relational(List<object?> a)
    {
        var (x, y) = (At(a, 0), At(a, 1));
        if (x is string sx && y is string sy) return Math.Sign(string.CompareOrdinal(sx, sy));
        var (nx, ny) = (ToNumber(x), ToNumber(y));
        return double.IsNaN(nx) || double.IsNaN(ny) ? null : nx.CompareTo(ny);
    }

    private static object Add(object? a, object? b) =>
        a is string || b is string ? LodashString(a) + LodashString(b) : ToNumber(a) + ToNumber(b);

    private static object? Sum(IEnumerable<object?> items)
    {
        object? result = null;
        foreach (var item in items)
            result = result is null ? item : JsPlus(result, item);
        return result ?? 0d;
    }

    private static object JsPlus(object? a, object? b) =>
        a is string || b is string || IsObject(a) || IsObject(b) ? ToStr(a) + ToStr(b) : ToNumber(a) + ToNumber(b);

    private static object? Extreme(List<object?> items, object? iteratee, int sign)
    {
        var by = Iteratee(iteratee);
        object? best = null;
        object? bestKey = null;
        foreach (var item in items)
        {
            var key = by(item);
            if (key is null || key is double.NaN) continue;
            if (bestKey is null || Compare(key, bestKey) is { } c && c * sign > 0)
                (best, bestKey) = (item, key);
        }
        return best;
    }

    private static object Round(object? number, object? precision, Func<double, double> round)
    {
        var n = ToNumber(number);
        var p = (int)Math.Clamp(precision is null ? 0 : ToInteger(precision), -292, 292);
        if (p == 0 || !double.IsFinite(n)) return round(n);
        // lodash shifts the decimal point through the number's text to avoid binary errors (1.005 rounds to 1.01).
        var shifted = double.Parse(NumberToString(n) + "e" + p, CultureInfo.InvariantCulture);
        return double.Parse(NumberToString(round(shifted)) + "e" + (-p), CultureInfo.InvariantCulture);
    }

    private static bool InRange(List<object?> a)
    {
        var n = ToNumber(At(a, 0));
        var (start, end) = a.Count > 2 ? (ToNumber(a[1]), ToNumber(a[2])) : (0, ToNumber(At(a, 1)));
        return n >= Math.Min(start, end) && n < Math.Max(start, end);
    }

    private static object? Nth(List<object?> items, int n)
    {
        var i = n < 0 ? items.Count + n : n;
        return i >= 0 && i < items.Count ? items[i] : null;
    }

    private static List<object?> Distinct(List<object?> items, Func<object?, object?> key)
    {
        var result = new List<object?>();
        var keys = new List<object?>();
        foreach (var item in items)
        {
            var k = key(item);
            if (keys.Any(x => SameValueZero(x, k))) continue;
            keys.Add(k);
            result.Add(item);
        }
        return result;
    }

    private static bool Includes(object? collection, object? value) => collection switch
    {
        string s => s.Contains(ToStr(value), StringComparison.Ordinal),
        _ => Collection(collection).Any(x => SameValueZero(x, value)),
    };

    /// <summary>lodash's iteratee for what JSON can name: nothing (identity) or a property path.</summary>
    private static Func<object?, object?> Iteratee(object? iteratee) => iteratee switch
    {
        null => x => x,
        string or double => x => Get(x, iteratee, out _),
        _ => throw new JsonLogicException("only property names are supported as iteratees"),
    };

    /// <summary>lodash get: a path "a.b[0].c" or an array of keys.</summary>
    private static object? Get(object? value, object? path, out bool found)
    {
        var keys = path is List<object?> list ? list.Select(LodashString) : LodashString(path).Replace("[", ".").Replace("]", "").Split('.', StringSplitOptions.RemoveEmptyEntries);
        found = true;
        foreach (var key in keys)
        {
            if (!JsonLogicEvaluator.TryMember(value, key, out value))
            {
                found = false;
                return null;
            }
        }
        return value;
    }

    private static string Repeat(string s, double n)
    {
        if (n < 1 || s.Length == 0) return "";
        if (n * s.Length > 1_000_000) throw new JsonLogicException("string too long");
        return string.Concat(Enumerable.Repeat(s, (int)n));
    }

    private static string Pad(string s, List<object?> a, bool start)
    {
        var length = a.Count > 1 ? ToInteger(a[1]) : 0;
        var chars = a.Count > 2 && a[2] is not null ? LodashString(a[2]) : " ";
        if (length <= s.Length || chars.Length == 0) return s;
        if (length > 1_000_000) throw new JsonLogicException("string too long");
        var fill = string.Concat(Enumerable.Repeat(chars, (int)(length - s.Length) / chars.Length + 1))[..(int)(length - s.Length)];
        return start ? fill + s : s + fill;
    }

    private static string ReplaceFirst(string s, string pattern, string replacement)
    {
        var i = s.IndexOf(pattern, StringComparison.Ordinal);
        return i < 0 ? s : s[..i] + replacement + s[(i + pattern.Length)..];
    }
}
