using Acornima;
using Acornima.Ast;

namespace Workflow.Engine.Expressions;

/// <summary>
/// Walks an expression's syntax tree (Acornima's, as Jint prepared it) to decide whether it is pure: whether it
/// can run on an engine that the next expression will use, without leaving anything behind. Every node kind it
/// does not know makes the expression impure, and so does every way it knows of reaching the engine's built-ins:
/// assignments, <c>delete</c>, <c>this</c>, regular expression literals (their matches are kept in
/// <c>RegExp.$1</c>…), calls other than read-only methods and the host's functions, and properties that lead
/// from a value to its constructor or prototype (<c>constructor</c>, <c>__proto__</c>, <c>prototype</c>, …,
/// or a computed name that may be one of them). A built-in global (<c>Object</c>, <c>Reflect</c>, <c>eval</c>)
/// may be the receiver of a read-only method or an <c>instanceof</c> operand, never a value of its own:
/// <see cref="ValueNames"/> lists the names read as values, which the evaluator checks against what the engine
/// defines. Arrow functions are pure when their parameters and bodies are; they cannot call themselves.
/// </summary>
internal sealed class PurityWalk
{
    /// <summary>Properties that lead from a value to functions or objects the engine shares between expressions.</summary>
    private static readonly HashSet<string> HiddenProperties = new(StringComparer.Ordinal)
    {
        "constructor", "prototype", "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
        "caller", "callee", "arguments", "call", "apply", "bind",
    };

    /// <summary>Constants read from built-ins (<c>Math.PI</c>): their receiver is not a value of the expression.</summary>
    private static readonly HashSet<string> Constants = new(StringComparer.Ordinal)
    {
        "PI", "E", "LN2", "LN10", "LOG2E", "LOG10E", "SQRT2", "SQRT1_2",
        "MAX_SAFE_INTEGER", "MIN_SAFE_INTEGER", "MAX_VALUE", "MIN_VALUE", "EPSILON", "POSITIVE_INFINITY", "NEGATIVE_INFINITY", "NaN",
    };

    private readonly List<HashSet<string>> _scopes = [];
    private readonly Func<string, bool> _isReadOnlyMethod;

    public PurityWalk(Func<string, bool> isReadOnlyMethod) => _isReadOnlyMethod = isReadOnlyMethod;

    /// <summary>The global identifiers the expression reads.</summary>
    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>The global identifiers the expression reads as values, rather than as a callee or a method's receiver.</summary>
    public HashSet<string> ValueNames { get; } = new(StringComparer.Ordinal);

    /// <summary>The global identifiers the expression calls.</summary>
    public HashSet<string> Calls { get; } = new(StringComparer.Ordinal);

    public bool Pure(Node? node) => node switch
    {
        null => true,
        RegExpLiteral => false,
        Literal => true,
        Identifier id => Read(id.Name, asValue: true),
        TemplateLiteral t => All(t.Expressions),
        UpdateExpression => false,
        UnaryExpression u => u.Operator != Operator.Delete && Pure(u.Argument),
        BinaryExpression { Operator: Operator.InstanceOf, Right: Identifier type } b => Pure(b.Left) && Read(type.Name, asValue: false),
        BinaryExpression b => Pure(b.Left) && Pure(b.Right),
        ConditionalExpression c => Pure(c.Test) && Pure(c.Consequent) && Pure(c.Alternate),
        ChainExpression c => Pure(c.Expression),
        ParenthesizedExpression p => Pure(p.Expression),
        MemberExpression { Object: Identifier builtIn, Computed: false, Property: Identifier constant } when Constants.Contains(constant.Name) =>
            Read(builtIn.Name, asValue: false),
        MemberExpression m => Pure(m.Object) && Property(m),
        ArrayExpression a => All(a.Elements),
        SpreadElement s => Pure(s.Argument),
        ObjectExpression o => Properties(o),
        SequenceExpression s => All(s.Expressions),
        NewExpression { Callee: Identifier { Name: "Date" } } n => Read("Date", asValue: false) && All(n.Arguments),
        CallExpression call => Call(call),
        ArrowFunctionExpression f => Function(f),
        _ => false,
    };

    private bool Call(CallExpression call) => call.Callee switch
    {
        MemberExpression { Computed: false, Property: Identifier method } member when _isReadOnlyMethod(method.Name) =>
            Receiver(member.Object) && All(call.Arguments),
        Identifier function when !IsLocal(function.Name) => CallOf(function.Name) && All(call.Arguments),
        _ => false,
    };

    private bool CallOf(string name)
    {
        Calls.Add(name);
        return Read(name, asValue: false);
    }

    /// <summary>The object of a read-only method: a built-in (Math, JSON, Object) is not a value there.</summary>
    private bool Receiver(Expression receiver) => receiver is Identifier id ? Read(id.Name, asValue: false) : Pure(receiver);

    private bool Property(MemberExpression m) => m.Computed
        ? m.Property switch
        {
            NumericLiteral => true,
            StringLiteral s => !HiddenProperties.Contains(s.Value),
            // items[items.length - 1]: arithmetic other than + makes a number, never one of the hidden names.
            NonLogicalBinaryExpression { Operator: Operator.Subtraction or Operator.Multiplication or Operator.Division or Operator.Remainder } index => Pure(index),
            UnaryExpression { Operator: Operator.UnaryNegation or Operator.UnaryPlus } index => Pure(index),
            _ => false,
        }
        : m.Property is Identifier name && !HiddenProperties.Contains(name.Name);

    private bool Properties(ObjectExpression o)
    {
        foreach (var node in o.Properties)
        {
            var pure = node switch
            {
                SpreadElement s => Pure(s.Argument),
                ObjectProperty { Kind: PropertyKind.Init, Method: false } p => (!p.Computed || Pure(p.Key)) && Pure(p.Value),
                _ => false,
            };
            if (!pure)
                return false;
        }
        return true;
    }

    private bool Function(ArrowFunctionExpression f)
    {
        if (f.Async)
            return false;
        var scope = new HashSet<string>(StringComparer.Ordinal);
        _scopes.Add(scope);
        try
        {
            foreach (var parameter in f.Params)
            {
                if (!Declare(parameter, scope))
                    return false;
            }
            foreach (var parameter in f.Params)
            {
                if (!Defaults(parameter))
                    return false;
            }
            return f.Body switch
            {
                FunctionBody body => Block(body.Body),
                Expression expression => Pure(expression),
                _ => false,
            };
        }
        finally
        {
            _scopes.RemoveAt(_scopes.Count - 1);
        }
    }

    /// <summary>A block of an arrow function: constants, conditions and returns; no loops, no <c>var</c> (it would leave the block).</summary>
    private bool Block(in NodeList<Statement> statements)
    {
        var scope = new HashSet<string>(StringComparer.Ordinal);
        // let and const are visible in the whole block (before their line, they throw): declare them first.
        foreach (var statement in statements)
        {
            if (statement is VariableDeclaration { Kind: VariableDeclarationKind.Let or VariableDeclarationKind.Const } declaration)
            {
                foreach (var declarator in declaration.Declarations)
                {
                    if (!Declare(declarator.Id, scope))
                        return false;
                }
            }
        }
        _scopes.Add(scope);
        try
        {
            foreach (var statement in statements)
            {
                if (!Statement(statement))
                    return false;
            }
            return true;
        }
        finally
        {
            _scopes.RemoveAt(_scopes.Count - 1);
        }
    }

    private bool Statement(Statement statement) => statement switch
    {
        ReturnStatement r => Pure(r.Argument),
        ExpressionStatement e => Pure(e.Expression),
        EmptyStatement => true,
        IfStatement i => Pure(i.Test) && Statement(i.Consequent) && (i.Alternate is null || Statement(i.Alternate)),
        BlockStatement b => Block(b.Body),
        VariableDeclaration { Kind: VariableDeclarationKind.Let or VariableDeclarationKind.Const } d => Initialisers(d),
        _ => false,
    };

    private bool Initialisers(VariableDeclaration declaration)
    {
        foreach (var declarator in declaration.Declarations)
        {
            if (!Defaults(declarator.Id) || !Pure(declarator.Init))
                return false;
        }
        return true;
    }

    /// <summary>Adds the names a parameter or a declaration binds; false for a pattern that reads a hidden property.</summary>
    private static bool Declare(Node pattern, HashSet<string> scope) => pattern switch
    {
        Identifier id => Bind(id.Name, scope),
        AssignmentPattern a => Declare(a.Left, scope),
        RestElement r => Declare(r.Argument, scope),
        ArrayPattern a => a.Elements.All(e => e is null || Declare(e, scope)),
        ObjectPattern o => o.Properties.All(p => p switch
        {
            RestElement r => Declare(r.Argument, scope),
            Property { Computed: false, Key: Identifier key } property => !HiddenProperties.Contains(key.Name) && Declare(property.Value, scope),
            Property { Computed: false, Key: StringLiteral key } property => !HiddenProperties.Contains(key.Value) && Declare(property.Value, scope),
            _ => false,
        }),
        _ => false,
    };

    private static bool Bind(string name, HashSet<string> scope)
    {
        scope.Add(name);
        return true;
    }

    /// <summary>The default values in a pattern (<c>({ n = 1 }) =&gt; n</c>), which run like any expression.</summary>
    private bool Defaults(Node pattern) => pattern switch
    {
        Identifier => true,
        AssignmentPattern a => Defaults(a.Left) && Pure(a.Right),
        RestElement r => Defaults(r.Argument),
        ArrayPattern a => a.Elements.All(e => e is null || Defaults(e)),
        ObjectPattern o => o.Properties.All(p => p switch
        {
            RestElement r => Defaults(r.Argument),
            Property property => Defaults(property.Value),
            _ => false,
        }),
        _ => false,
    };

    private bool All<T>(in NodeList<T> nodes) where T : Node?
    {
        foreach (var node in nodes)
        {
            if (!Pure(node))
                return false;
        }
        return true;
    }

    private bool IsLocal(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].Contains(name))
                return true;
        }
        return false;
    }

    private bool Read(string name, bool asValue)
    {
        if (IsLocal(name))
            return true;
        Names.Add(name);
        if (asValue)
            ValueNames.Add(name);
        return true;
    }
}
