using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;
using Jint.Runtime.Debugger;

namespace Workflow.Forms.Scripting;

/// <summary>
/// Runs validate.custom, customConditional and calculateValue the way core's evaluator does: the script is the
/// body of a function whose result is one variable (valid, show, value) with a starting value, and
/// the context (data, row, input, component, …) is in scope. Jint 2.10.4 has no memory limit
/// of its own, so allocation is measured at each statement.
/// </summary>
public sealed class ScriptSandbox(ScriptLimits limits)
{
    public ScriptLimits Limits { get; } = limits;

    /// <param name="initial">The result variable's starting value, as JavaScript source ("true", "null", JSON).</param>
    public ScriptResult Run(string script, string resultVariable, string initial, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        if (script.Length > Limits.MaxScriptLength)
            return ScriptResult.Fail($"script longer than {Limits.MaxScriptLength} characters");
        var startBytes = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            var engine = new Engine(o => o
                .TimeoutInterval(Limits.Timeout)
                .MaxStatements(Limits.MaxStatements)
                .LimitRecursion(Limits.MaxRecursion)
                .DebugMode());
            engine.Step += (_, _) =>
            {
                if (GC.GetAllocatedBytesForCurrentThread() - startBytes > Limits.MaxAllocatedBytes)
                    throw new ScriptMemoryException();
                return StepMode.Into;
            };
            var parser = new JsonParser(engine);
            foreach (var (name, value) in variables)
                engine.SetValue(name, value is null ? JsValue.Undefined : parser.Parse(value.ToJsonString()));
            engine.Execute($"var __result = (function () {{ var {resultVariable} = {initial};\n{script}\n;return {resultVariable}; }})();");
            engine.Execute("var __json = __result === undefined ? undefined : JSON.stringify(__result);");
            var json = engine.GetValue("__json");
            return ScriptResult.Of(ToClr(engine.GetValue("__result"))) with
            {
                Json = json.IsString() ? JsonNode.Parse(json.AsString()) : null,
            };
        }
        catch (ScriptMemoryException)
        {
            return ScriptResult.Fail($"memory limit of {Limits.MaxAllocatedBytes} bytes exceeded");
        }
        catch (StatementsCountOverflowException)
        {
            return ScriptResult.Fail($"more than {Limits.MaxStatements} statements");
        }
        catch (RecursionDepthOverflowException)
        {
            return ScriptResult.Fail($"recursion deeper than {Limits.MaxRecursion}");
        }
        catch (TimeoutException)
        {
            return ScriptResult.Fail($"ran longer than {Limits.Timeout.TotalMilliseconds} ms");
        }
        catch (JavaScriptException e)
        {
            return ScriptResult.Fail(e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Syntax errors and Jint's own failures: the form is at fault, never the server.
            return ScriptResult.Fail(e.Message);
        }
    }

    private static object? ToClr(JsValue value)
    {
        if (value.IsNull() || value.IsUndefined()) return null;
        if (value.IsBoolean()) return value.AsBoolean();
        if (value.IsString()) return value.AsString();
        if (value.IsNumber()) return value.AsNumber();
        return value.ToObject();
    }

    private sealed class ScriptMemoryException : Exception;
}
