using System.Text.Json;
using System.Text.Json.Nodes;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Parser;
using Jint.Runtime;
using Jint.Runtime.Debugger;

namespace Workflow.Engine.Expressions;

/// <summary>
/// Evaluates a short JavaScript (ES5) expression against JSON data. Each call gets a fresh Jint engine
/// so that no expression can leave state behind for the next one.
/// </summary>
public sealed class ExpressionEvaluator(ExpressionLimits limits)
{
    public ExpressionLimits Limits => limits;

    /// <param name="globals">Each property becomes a global variable of the script.</param>
    /// <param name="functions">Host functions the script may call, such as the engine's clock.</param>
    public ExpressionResult Evaluate(string expression, JsonObject globals, IReadOnlyDictionary<string, Delegate>? functions = null)
    {
        if (ExpressionSyntax.Check(expression, limits.MaxLength) is { } syntaxError)
            return ExpressionResult.Fail(syntaxError);
        try
        {
            var engine = CreateEngine();
            foreach (var (name, value) in globals)
                engine.SetValue(name, ToJs(engine, value));
            foreach (var (name, function) in functions ?? new Dictionary<string, Delegate>())
                engine.SetValue(name, function);
            var completion = engine.Execute(expression).GetCompletionValue();
            return ExpressionResult.Ok(ToJson(engine, completion));
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

    private sealed class MemoryLimitExceededException : Exception;
}
