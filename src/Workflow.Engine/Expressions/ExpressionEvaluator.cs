using System.Text.Json;
using System.Text.Json.Nodes;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Parser;
using Jint.Parser.Ast;
using Jint.Runtime;
using Jint.Runtime.Debugger;

namespace Workflow.Engine.Expressions;

/// <summary>
/// Evaluates a short JavaScript (ES5) expression against JSON data, so that no expression can leave
/// state behind for the next one. A pure expression (see <see cref="ExpressionShape"/>: it cannot change
/// the engine nor loop) runs on an engine reused by the thread, parsed once, with only the globals it
/// reads; any other script gets a fresh engine with every limit, memory included.
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
        if (ExpressionSyntax.Check(expression, limits.MaxLength) is { } syntaxError)
            return ExpressionResult.Fail(syntaxError);
        var shape = ExpressionShape.Of(expression);
        return shape.IsPureWith(functions) ? EvaluatePure(expression, shape, globals, functions) : EvaluateScript(expression, globals, functions);
    }

    private ExpressionResult EvaluatePure(string expression, ExpressionShape shape, IReadOnlyDictionary<string, JsonNode?> globals, IReadOnlyDictionary<string, Delegate>? functions)
    {
        t_reused ??= [];
        if (!t_reused.TryGetValue(limits, out var reused))
            t_reused[limits] = reused = new ReusedEngine(limits);
        // A name that would hide a built-in (a variable called "Date") would be deleted from the reused engine afterwards.
        if (shape.Names.Any(reused.IsBuiltIn))
            return EvaluateScript(expression, globals, functions);
        var set = new List<string>(shape.Names.Count);
        var result = Guard(() =>
        {
            foreach (var name in shape.Names)
            {
                if (functions is not null && functions.TryGetValue(name, out var function))
                    reused.Engine.SetValue(name, function);
                else if (globals.TryGetValue(name, out var value))
                    reused.Engine.SetValue(name, ToJs(reused.Engine, value));
                else
                    continue;
                set.Add(name);
            }
            reused.Engine.ResetTimeoutTicks();
            reused.Engine.ResetStatementsCount();
            reused.Engine.ResetCallStack();
            var completion = reused.Engine.Execute(reused.Program(expression)).GetCompletionValue();
            return ExpressionResult.Ok(ToJson(reused.Engine, completion));
        });
        // After a failure nothing is assumed about the engine's state: the next pure expression gets a new one.
        if (result.Failed || !reused.Forget(set))
            t_reused.Remove(limits);
        return result;
    }

    private ExpressionResult EvaluateScript(string expression, IReadOnlyDictionary<string, JsonNode?> globals, IReadOnlyDictionary<string, Delegate>? functions) =>
        Guard(() =>
        {
            var engine = CreateEngine();
            foreach (var (name, value) in globals)
                engine.SetValue(name, ToJs(engine, value));
            foreach (var (name, function) in functions ?? new Dictionary<string, Delegate>())
                engine.SetValue(name, function);
            var completion = engine.Execute(expression).GetCompletionValue();
            return ExpressionResult.Ok(ToJson(engine, completion));
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
        catch (ParserException e)
        {
            return ExpressionResult.Fail($"bad expression syntax: {e.Description}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or JsonException
            or InvalidCastException or IndexOutOfRangeException or NullReferenceException or OverflowException
            or OutOfMemoryException or InsufficientExecutionStackException)
        {
            return ExpressionResult.Fail($"the expression failed: {e.Message}");
        }
    }

    private JsEngine CreateEngine()
    {
        var engine = new JsEngine(options => options
            .Strict()
            .TimeoutInterval(limits.Timeout)
            .MaxStatements(limits.MaxStatements)
            .LimitRecursion(limits.MaxRecursionDepth)
            .DebugMode());
        var start = GC.GetAllocatedBytesForCurrentThread();
        long steps = 0;
        engine.Step += (_, _) =>
        {
            // Debug mode itself allocates for every step; that bookkeeping is not the script's doing.
            var used = GC.GetAllocatedBytesForCurrentThread() - start - ++steps * DebugBytesPerStep;
            if (used > limits.MaxAllocatedBytes)
                throw new MemoryLimitExceededException();
            return StepMode.Into;
        };
        return engine;
    }

    private static JsValue ToJs(JsEngine engine, JsonNode? value)
    {
        if (value is null)
            return JsValue.Null;
        return engine.Json.Parse(JsValue.Undefined, [new JsValue(value.ToJsonString())]);
    }

    private static JsonNode? ToJson(JsEngine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
            return null;
        var json = engine.Json.Stringify(JsValue.Undefined, [value]);
        return json.IsUndefined() ? null : JsonNode.Parse(json.AsString());
    }

    private const long DebugBytesPerStep = 4_096;

    /// <summary>One engine per thread for pure expressions, with the syntax trees it has run (Jint caches values on them, so they stay with their engine).</summary>
    private sealed class ReusedEngine
    {
        private const int MaxPrograms = 1_000;
        private readonly Dictionary<string, Program> _programs = new(StringComparer.Ordinal);
        private readonly HashSet<string> _builtIns;

        public ReusedEngine(ExpressionLimits limits)
        {
            Engine = new JsEngine(options => options
                .Strict()
                .TimeoutInterval(limits.Timeout)
                .MaxStatements(limits.MaxStatements)
                .LimitRecursion(limits.MaxRecursionDepth));
            _builtIns = Engine.Global.GetOwnProperties().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        }

        public JsEngine Engine { get; }

        public bool IsBuiltIn(string name) => _builtIns.Contains(name);

        public Program Program(string expression)
        {
            if (_programs.TryGetValue(expression, out var program))
                return program;
            if (_programs.Count >= MaxPrograms)
                _programs.Clear();
            return _programs[expression] = new JavaScriptParser().Parse(expression);
        }

        /// <summary>Removes the globals of the last evaluation; false if one would not go (the engine is then dropped).</summary>
        public bool Forget(List<string> names)
        {
            foreach (var name in names)
            {
                if (!Engine.Global.Delete(name, false))
                    return false;
            }
            return true;
        }
    }

    private sealed class MemoryLimitExceededException : Exception;
}
