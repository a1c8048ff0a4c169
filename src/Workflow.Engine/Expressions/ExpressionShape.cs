using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Acornima;
using Acornima.Ast;
using Jint;
using JsEngine = Jint.Engine;

namespace Workflow.Engine.Expressions;

/// <summary>
/// What an expression is, worked out once per distinct text: the script Jint prepared from it (shared by every
/// engine and thread), or why it does not parse; the global names it reads; and whether it is <em>pure</em>: an
/// expression (comparisons, logic, member access, literals, templates, optional chains, spreads, arrow functions
/// whose bodies are pure, calls of read-only built-in methods and of the host's functions) that can neither change
/// the engine it runs in nor loop (see <see cref="PurityWalk"/>). Pure expressions, which is what conditions and
/// mappings almost always are, run on a reused engine; anything else gets a fresh one. When unsure (a node the walk
/// does not know), the expression is not pure.
/// </summary>
internal sealed class ExpressionShape
{
    /// <summary>Methods that read their receiver and arguments and change nothing.</summary>
    private static readonly HashSet<string> ReadOnlyMethods = new(StringComparer.Ordinal)
    {
        // strings
        "at", "charAt", "charCodeAt", "codePointAt", "concat", "endsWith", "includes", "indexOf", "lastIndexOf",
        "localeCompare", "normalize", "padEnd", "padStart", "slice", "split", "startsWith", "substr", "substring",
        "toLowerCase", "toUpperCase", "toLocaleLowerCase", "toLocaleUpperCase", "trim", "trimEnd", "trimStart",
        "toString", "valueOf",
        // arrays (at, concat, includes, indexOf, lastIndexOf, slice and toString above); callbacks are pure arrow functions or host functions
        "join", "every", "filter", "find", "findIndex", "findLast", "findLastIndex", "flat", "flatMap", "forEach", "map",
        "reduce", "reduceRight", "some",
        // numbers
        "toFixed", "toPrecision", "toExponential", "isInteger", "isSafeInteger",
        // Math, Object, Array, JSON, Date
        "abs", "ceil", "floor", "max", "min", "round", "pow", "sqrt", "sign", "trunc", "keys", "values", "entries",
        "isArray", "stringify", "parse", "UTC",
        "getTime", "getDay", "getDate", "getMonth", "getFullYear", "getHours", "getMinutes", "getSeconds",
        "getUTCDay", "getUTCDate", "getUTCMonth", "getUTCFullYear", "getUTCHours", "getUTCMinutes", "getUTCSeconds",
        "toISOString", "toJSON", "hasOwnProperty", "fromCharCode", "fromCodePoint", "isNaN", "isFinite", "parseInt", "parseFloat",
    };

    /// <summary>Global functions that only compute.</summary>
    private static readonly HashSet<string> ReadOnlyFunctions = new(StringComparer.Ordinal)
    {
        "parseInt", "parseFloat", "isNaN", "isFinite", "Number", "String", "Boolean",
    };

    /// <summary>Built-in globals that may be read as values: constants, and the functions above (<c>items.filter(Boolean)</c>).</summary>
    private static readonly HashSet<string> ValueGlobals = new(ReadOnlyFunctions.Concat(["undefined", "NaN", "Infinity"]), StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, ExpressionShape> Known = new(StringComparer.Ordinal);
    private const int MaxKnown = 10_000;

    private ExpressionShape(Prepared<Script>? script, string? error, bool pure, IReadOnlySet<string> names, IReadOnlySet<string> valueNames, IReadOnlySet<string> calls)
    {
        Script = script;
        Error = error;
        _pure = pure;
        Names = names;
        _valueNames = valueNames;
        _calls = calls;
    }

    private readonly bool _pure;
    private readonly IReadOnlySet<string> _valueNames;
    private readonly IReadOnlySet<string> _calls;

    /// <summary>The prepared script, when the text parses. Safe to run on any engine, on any thread.</summary>
    public Prepared<Script>? Script { get; }

    /// <summary>Why the text does not parse, or null.</summary>
    public string? Error { get; }

    /// <summary>
    /// Whether the expression may run on an engine that defines <paramref name="builtIns"/> and is reused afterwards:
    /// it is pure, every function it calls by name is a read-only global or one of the host's functions (which the
    /// host vouches for), no variable hides a built-in (it would be deleted with the variable), and no built-in
    /// other than a constant or a read-only function is read as a value.
    /// </summary>
    public bool CanReuse(IReadOnlyDictionary<string, JsonNode?> globals, IReadOnlyDictionary<string, Delegate>? hostFunctions, IReadOnlySet<string> builtIns)
    {
        if (!_pure)
            return false;
        foreach (var name in _calls)
        {
            if (!ReadOnlyFunctions.Contains(name) && hostFunctions?.ContainsKey(name) != true)
                return false;
        }
        foreach (var name in Names)
        {
            if (!builtIns.Contains(name))
                continue;
            if (globals.ContainsKey(name) || hostFunctions?.ContainsKey(name) == true)
                return false;
            if (_valueNames.Contains(name) && !ValueGlobals.Contains(name))
                return false;
        }
        return true;
    }

    /// <summary>The identifiers the expression reads as global variables (not property names, nor an arrow function's own parameters and constants).</summary>
    public IReadOnlySet<string> Names { get; }

    public static ExpressionShape Of(string expression)
    {
        if (Known.TryGetValue(expression, out var known))
            return known;
        var shape = Analyse(expression);
        if (Known.Count >= MaxKnown)
            Known.Clear();
        Known[expression] = shape;
        return shape;
    }

    private static ExpressionShape Analyse(string expression)
    {
        Prepared<Script> prepared;
        try
        {
            prepared = JsEngine.PrepareScript(expression, strict: true);
        }
        catch (ScriptPreparationException e) when (e.InnerException is ParseErrorException parse)
        {
            return Invalid($"bad expression syntax at line {parse.LineNumber}, column {parse.Column}: {parse.Description}");
        }
        catch (Exception e) when (e is ScriptPreparationException or ParseErrorException or InvalidOperationException or ArgumentException
            or IndexOutOfRangeException or NullReferenceException or InsufficientExecutionStackException)
        {
            return Invalid($"bad expression syntax: {e.Message}");
        }
        if (!prepared.IsValid || prepared.Program is not { } program)
            return Invalid("bad expression syntax");
        var walk = new PurityWalk(ReadOnlyMethods.Contains);
        var pure = true;
        foreach (var statement in program.Body)
        {
            pure &= statement switch
            {
                ExpressionStatement s => walk.Pure(s.Expression),
                EmptyStatement => true,
                _ => false,
            };
        }
        return new ExpressionShape(prepared, null, pure, walk.Names, walk.ValueNames, walk.Calls);
    }

    private static ExpressionShape Invalid(string error) => new(null, error, false, new HashSet<string>(), new HashSet<string>(), new HashSet<string>());
}
