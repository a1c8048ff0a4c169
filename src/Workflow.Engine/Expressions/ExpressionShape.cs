using System.Collections.Concurrent;
using Jint.Parser;
using Jint.Parser.Ast;

namespace Workflow.Engine.Expressions;

/// <summary>
/// What an expression is, worked out once per distinct text: whether it parses, the global names it reads,
/// and whether it is <em>pure</em>: a plain expression (comparisons, logic, member access, literals, calls of
/// read-only built-in methods and of the host's functions) that can neither change the engine it runs in
/// nor loop. Pure expressions, which is what conditions and mappings almost always are, run on a reused
/// engine; anything else gets a fresh, fully limited one.
/// </summary>
internal sealed class ExpressionShape
{
    /// <summary>Methods that read their receiver and arguments and change nothing (ES5).</summary>
    private static readonly HashSet<string> ReadOnlyMethods = new(StringComparer.Ordinal)
    {
        // strings
        "charAt", "charCodeAt", "concat", "indexOf", "lastIndexOf", "localeCompare", "slice", "split", "substr",
        "substring", "toLowerCase", "toUpperCase", "toLocaleLowerCase", "toLocaleUpperCase", "trim", "toString", "valueOf",
        // arrays (concat, indexOf, slice and toString above)
        "join",
        // numbers
        "toFixed", "toPrecision", "toExponential",
        // Math, Object, Array, JSON, Date
        "abs", "ceil", "floor", "max", "min", "round", "pow", "sqrt", "keys", "isArray", "stringify", "parse", "UTC",
        "getTime", "getDay", "getDate", "getMonth", "getFullYear", "getHours", "getMinutes", "getSeconds",
        "getUTCDay", "getUTCDate", "getUTCMonth", "getUTCFullYear", "getUTCHours", "getUTCMinutes", "getUTCSeconds",
        "toISOString", "toJSON", "hasOwnProperty",
    };

    /// <summary>Global functions that only compute.</summary>
    private static readonly HashSet<string> ReadOnlyFunctions = new(StringComparer.Ordinal)
    {
        "parseInt", "parseFloat", "isNaN", "isFinite", "Number", "String", "Boolean",
    };

    private static readonly ConcurrentDictionary<string, ExpressionShape> Known = new(StringComparer.Ordinal);
    private const int MaxKnown = 10_000;

    private ExpressionShape(string? error, bool pure, IReadOnlySet<string> names, IReadOnlySet<string> calls)
    {
        Error = error;
        _pure = pure;
        Names = names;
        _calls = calls;
    }

    private readonly bool _pure;
    private readonly IReadOnlySet<string> _calls;

    /// <summary>Why the text does not parse, or null.</summary>
    public string? Error { get; }

    /// <summary>Pure when every function it calls by name is a read-only global or one of the host's functions (which the host vouches for).</summary>
    public bool IsPureWith(IReadOnlyDictionary<string, Delegate>? hostFunctions) =>
        _pure && _calls.All(name => ReadOnlyFunctions.Contains(name) || hostFunctions?.ContainsKey(name) == true);

    /// <summary>The identifiers the expression reads as variables (not property names).</summary>
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
        Program program;
        try
        {
            program = new JavaScriptParser().Parse(expression);
        }
        catch (ParserException e)
        {
            return new ExpressionShape($"bad expression syntax at line {e.LineNumber}, column {e.Column}: {e.Description}", false, new HashSet<string>(), new HashSet<string>());
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            return new ExpressionShape($"bad expression syntax: {e.Message}", false, new HashSet<string>(), new HashSet<string>());
        }
        var walk = new Walk();
        var pure = program.Body.All(statement => statement switch
        {
            ExpressionStatement s => walk.Pure(s.Expression),
            EmptyStatement => true,
            _ => false,
        });
        return new ExpressionShape(null, pure, walk.Names, walk.Calls);
    }

    private sealed class Walk
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Calls { get; } = new(StringComparer.Ordinal);

        public bool Pure(Expression? node) => node switch
        {
            null => true,
            RegExpLiteral => false, // the literal's object is cached on the syntax tree, lastIndex and all
            Literal => true,
            Identifier id => Read(id.Name),
            UpdateExpression => false,
            UnaryExpression u => u.Operator != UnaryOperator.Delete && Pure(u.Argument),
            BinaryExpression b => Pure(b.Left) && Pure(b.Right),
            LogicalExpression l => Pure(l.Left) && Pure(l.Right),
            ConditionalExpression c => Pure(c.Test) && Pure(c.Consequent) && Pure(c.Alternate),
            MemberExpression m => Pure(m.Object) && (!m.Computed || Pure(m.Property)),
            ArrayExpression a => a.Elements.All(Pure),
            ObjectExpression o => o.Properties.All(p => p.Kind == PropertyKind.Data && Pure(p.Value)),
            SequenceExpression s => s.Expressions.All(Pure),
            NewExpression n => n.Callee is Identifier { Name: "Date" } && n.Arguments.All(Pure),
            CallExpression call => call.Callee switch
            {
                MemberExpression { Computed: false, Property: Identifier method } member =>
                    ReadOnlyMethods.Contains(method.Name) && Pure(member.Object) && call.Arguments.All(Pure),
                Identifier function => Call(function.Name) && call.Arguments.All(Pure),
                _ => false,
            },
            _ => false,
        };

        private bool Read(string name)
        {
            Names.Add(name);
            return true;
        }

        private bool Call(string name)
        {
            Calls.Add(name);
            return Read(name);
        }
    }
}
