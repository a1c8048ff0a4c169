using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;

namespace Workflow.Forms.Scripting;

/// <summary>
/// Runs validate.custom, customConditional and calculateValue the way core's evaluator does: the script is the
/// body of a function whose result is one variable (valid, show, value) with a starting value, and
/// the context (data, row, input, component, …) is in scope. The language is what browsers run (Jint 4:
/// arrow functions, let and const, template literals, destructuring, optional chaining, <c>??</c>). A sandbox
/// serves one validation (not thread-safe): its scripts share one engine, as core's share one realm, so that a
/// submission does not pay an engine per script; a form's script may do anything to that engine, but no other
/// submission ever sees it, and an engine a script broke (a limit reached, an error) is dropped. The script
/// itself is prepared once and shared by every engine, the starting value being the function's argument rather
/// than part of its text.
/// </summary>
public sealed class ScriptSandbox(ScriptLimits limits, TimeProvider? clock = null)
{
    private Engine? engine;
    // The function made from each prepared script in this engine, and the names given a value so far.
    private readonly Dictionary<string, JsValue> functions = new(StringComparer.Ordinal);
    private readonly HashSet<string> defined = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, Prepared<Script>> Prepared = new(StringComparer.Ordinal);
    private const int MaxPrepared = 2_000;

    public ScriptLimits Limits { get; } = limits;

    /// <summary>Today for the form's code: the scripts' Date, and JSON Logic's date operations.</summary>
    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <param name="initial">The result variable's starting value (null for JavaScript's null).</param>
    public ScriptResult Run(string script, string resultVariable, JsonNode? initial, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        if (script.Length > Limits.MaxScriptLength)
            return ScriptResult.Fail($"script longer than {Limits.MaxScriptLength} characters");
        try
        {
            var source = $"(function ({resultVariable}) {{\n{script}\n;return {resultVariable}; }})";
            var prepared = Prepare(source);
            var engine = this.engine ??= new Engine(o =>
            {
                o.TimeoutInterval(Limits.Timeout)
                    .MaxStatements(Limits.MaxStatements)
                    .LimitRecursion(Limits.MaxRecursion)
                    .LimitMemory(Limits.MaxAllocatedBytes);
                o.TimeSystem = new ClockTimeSystem(o.TimeSystem, Clock);
            });
            // What an earlier script of this validation was given is not this one's.
            foreach (var name in defined.Where(n => !variables.ContainsKey(n)).ToList())
            {
                engine.SetValue(name, JsValue.Undefined);
                defined.Remove(name);
            }
            foreach (var (name, value) in variables)
            {
                // Building a variable the script never names (the whole data, the component's JSON) is most
                // of a run's cost: a name that does not appear in the text cannot be read, so it stays undefined.
                var named = script.Contains(name, StringComparison.Ordinal);
                if (!named && !defined.Contains(name)) continue;
                engine.SetValue(name, value is null || !named ? JsValue.Undefined : ToJs(engine, value));
                defined.Add(name);
            }
            if (!functions.TryGetValue(source, out var function))
                functions[source] = function = engine.Evaluate(prepared);
            var start = ToJs(engine, initial);
            engine.Constraints.Reset();
            var result = engine.Call(function, start);
            return ScriptResult.Of(ToClr(result)) with { Json = ToJson(engine, result) };
        }
        catch (Exception) when (Drop())
        {
            throw;
        }
        catch (MemoryLimitExceededException)
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

    /// <summary>A script that failed may have left the engine anywhere: the next one starts a new engine. Never catches.</summary>
    private bool Drop()
    {
        engine = null;
        functions.Clear();
        defined.Clear();
        return false;
    }

    /// <summary>Parsed once per distinct script, shared by every engine and thread (Jint's prepared scripts are thread-safe).</summary>
    private static Prepared<Script> Prepare(string source)
    {
        if (Prepared.TryGetValue(source, out var prepared))
            return prepared;
        prepared = Engine.PrepareScript(source);
        if (Prepared.Count >= MaxPrepared)
            Prepared.Clear();
        Prepared[source] = prepared;
        return prepared;
    }

    /// <summary>
    /// The value JSON.parse would give, built from the nodes (four times as fast as writing and parsing the text):
    /// plain objects and arrays, own data properties in the same order.
    /// </summary>
    private static JsValue ToJs(Engine engine, JsonNode? value)
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
                return new JsonParser(engine).Parse(value.ToJsonString());
        }
    }

    /// <summary>JSON.stringify's value read back: strings and booleans directly, everything else through Jint's serializer.</summary>
    private static JsonNode? ToJson(Engine engine, JsValue result)
    {
        if (result.IsUndefined() || result.IsNull()) return null;
        if (result.IsBoolean()) return JsonValue.Create(result.AsBoolean());
        if (result.IsString()) return JsonValue.Create(result.AsString());
        var json = new JsonSerializer(engine).Serialize(result);
        return json.IsString() ? JsonNode.Parse(json.AsString()) : null;
    }

    private static object? ToClr(JsValue value)
    {
        if (value.IsNull() || value.IsUndefined()) return null;
        if (value.IsBoolean()) return value.AsBoolean();
        if (value.IsString()) return value.AsString();
        if (value.IsNumber()) return value.AsNumber();
        return value.ToObject();
    }
}
