using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Runtime;
using JsEngine = Jint.Engine;

namespace Workflow.Engine.Expressions;

/// <summary>
/// Evaluates a short JavaScript expression (the language browsers run: arrow functions, let and const, template
/// literals, destructuring, optional chaining, <c>??</c>) against JSON data, so that no expression can leave state
/// behind for the next one. Every expression is prepared once (<see cref="ExpressionShape"/>) and the prepared
/// script is shared by every engine. A pure expression (it cannot change the engine nor loop) runs on an engine
/// reused by the thread, with only the globals it reads; any other script gets a fresh engine. Both have every
/// limit: time, statements, recursion depth and bytes allocated.
/// </summary>
public sealed class ExpressionEvaluator(ExpressionLimits limits)
{
    /// <summary>Per thread and per set of limits, shared by every evaluator: hosts make an engine per request.</summary>
    [ThreadStatic]
    private static Dictionary<ExpressionLimits, ReusedEngine>? t_reused;

    public ExpressionLimits Limits => limits;

    /// <param name="globals">Each property becomes a global variable of the script.</param>
    /// <param name="functions">Host functions the script may call, such as the engine's clock. They must not change anything.</param>
    public ExpressionResult Evaluate(string expression, JsonObject globals, IReadOnlyDictionary<string, Delegate>? functions = null) =>
        Evaluate(expression, new Dictionary<string, JsonNode?>(globals, StringComparer.Ordinal), functions);

    /// <inheritdoc cref="Evaluate(string, JsonObject, IReadOnlyDictionary{string, Delegate}?)"/>
    public ExpressionResult Evaluate(string expression, IReadOnlyDictionary<string, JsonNode?> globals, IReadOnlyDictionary<string, Delegate>? functions = null)
    {
        if (ExpressionSyntax.Check(expression, limits.MaxLength, out var shape) is { } syntaxError)
            return ExpressionResult.Fail(syntaxError);
        var script = shape!.Script!.Value;
        t_reused ??= [];
        if (!t_reused.TryGetValue(limits, out var reused))
            t_reused[limits] = reused = new ReusedEngine(limits);
        return shape.CanReuse(globals, functions, reused.BuiltIns)
            ? EvaluatePure(reused, script, shape, globals, functions)
            : EvaluateScript(script, globals, functions);
    }

    private ExpressionResult EvaluatePure(ReusedEngine reused, Prepared<Script> script, ExpressionShape shape, IReadOnlyDictionary<string, JsonNode?> globals, IReadOnlyDictionary<string, Delegate>? functions)
    {
        var engine = reused.Engine;
        var set = new List<string>(shape.Names.Count);
        var result = Guard(() =>
        {
            foreach (var name in shape.Names)
            {
                if (functions is not null && functions.TryGetValue(name, out var function))
                    engine.SetValue(name, function);
                else if (globals.TryGetValue(name, out var value))
                    engine.SetValue(name, ToJs(engine, value));
                else
                    continue;
                set.Add(name);
            }
            return ExpressionResult.Ok(ToJson(engine, engine.Evaluate(script)));
        });
        // After a failure nothing is assumed about the engine's state: the next pure expression gets a new one.
        if (result.Failed || !reused.Forget(set))
            t_reused!.Remove(limits);
        return result;
    }

    private ExpressionResult EvaluateScript(Prepared<Script> script, IReadOnlyDictionary<string, JsonNode?> globals, IReadOnlyDictionary<string, Delegate>? functions) =>
        Guard(() =>
        {
            var engine = CreateEngine(limits);
            foreach (var (name, value) in globals)
                engine.SetValue(name, ToJs(engine, value));
            foreach (var (name, function) in functions ?? new Dictionary<string, Delegate>())
                engine.SetValue(name, function);
            return ExpressionResult.Ok(ToJson(engine, engine.Evaluate(script)));
        });

    private ExpressionResult Guard(Func<ExpressionResult> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (JavaScriptException e)
        {
            return ExpressionResult.Fail($"the expression threw: {e.Message}");
        }
        catch (TimeoutException)
        {
            return ExpressionResult.Fail($"the expression ran longer than {limits.Timeout.TotalMilliseconds} ms");
        }
        catch (StatementsCountOverflowException)
        {
            return ExpressionResult.Fail($"the expression ran more than {limits.MaxStatements} statements");
        }
        catch (RecursionDepthOverflowException)
        {
            return ExpressionResult.Fail($"the expression recursed deeper than {limits.MaxRecursionDepth} calls");
        }
        catch (MemoryLimitExceededException)
        {
            return ExpressionResult.Fail($"the expression allocated more than {limits.MaxAllocatedBytes} bytes");
        }
        catch (Exception e) when (e is JintException or InvalidOperationException or ArgumentException or JsonException
            or InvalidCastException or IndexOutOfRangeException or NullReferenceException or OverflowException
            or OutOfMemoryException or InsufficientExecutionStackException)
        {
            return ExpressionResult.Fail($"the expression failed: {e.Message}");
        }
    }

    private static JsEngine CreateEngine(ExpressionLimits limits) =>
        new(options => options
            .Strict()
            .TimeoutInterval(limits.Timeout)
            .MaxStatements(limits.MaxStatements)
            .LimitRecursion(limits.MaxRecursionDepth)
            .LimitMemory(limits.MaxAllocatedBytes));

    /// <summary>
    /// The value JSON.parse would give, built from the nodes (four times as fast as writing and parsing the text):
    /// plain objects and arrays, own data properties in the same order.
    /// </summary>
    private static JsValue ToJs(JsEngine engine, JsonNode? value)
    {
        switch (value)
        {
            case null:
                return JsValue.Null;
            case JsonObject o:
                var target = new JsObject(engine);
                foreach (var (name, property) in o)
                    target.FastSetDataProperty(name, ToJs(engine, property));
                return target;
            case JsonArray a:
                var items = new JsValue[a.Count];
                for (var i = 0; i < items.Length; i++)
                    items[i] = ToJs(engine, a[i]);
                return new JsArray(engine, items);
            case JsonValue v when v.TryGetValue<string>(out var text):
                return JsString.Create(text);
            case JsonValue v when v.TryGetValue<bool>(out var flag):
                return flag ? JsBoolean.True : JsBoolean.False;
            case JsonValue v when v.TryGetValue<double>(out var number):
                return JsNumber.Create(number);
            default:
                return new Jint.Native.Json.JsonParser(engine).Parse(value.ToJsonString());
        }
    }

    /// <summary>
    /// A boolean (what conditions give) as it is; anything else through JSON text, so that a number or a string reads
    /// as any .NET type it can stand for (<c>GetValue&lt;int&gt;</c>, <c>GetValue&lt;Guid&gt;</c>). A whole number is
    /// written here: Jint's serializer takes five times as long for it.
    /// </summary>
    private static JsonNode? ToJson(JsEngine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
            return null;
        if (value.IsBoolean())
            return JsonValue.Create(value.AsBoolean());
        if (value.IsNumber() && value.AsNumber() is var number && Math.Abs(number) < 1e15 && number == Math.Truncate(number))
            return JsonNode.Parse(((long)number).ToString(CultureInfo.InvariantCulture));
        var json = new Jint.Native.Json.JsonSerializer(engine).Serialize(value);
        return json.IsUndefined() ? null : JsonNode.Parse(json.AsString());
    }

    /// <summary>One engine per thread for pure expressions. Its constraints restart with each evaluation.</summary>
    private sealed class ReusedEngine
    {
        public ReusedEngine(ExpressionLimits limits)
        {
            Engine = CreateEngine(limits);
            BuiltIns = Engine.Global.GetOwnProperties().Select(p => p.Key.ToString()).ToHashSet(StringComparer.Ordinal);
        }

        public JsEngine Engine { get; }

        public IReadOnlySet<string> BuiltIns { get; }

        /// <summary>Removes the globals of the last evaluation; false if one would not go (the engine is then dropped).</summary>
        public bool Forget(List<string> names)
        {
            foreach (var name in names)
            {
                if (!Engine.Global.Delete(name))
                    return false;
            }
            return true;
        }
    }
}
