using System.Globalization;
using System.Text.Json.Nodes;
using Workflow.Engine.Timing;

namespace Workflow.Engine.Execution;

internal static class Globals
{
    /// <summary>
    /// Functions every expression may call. Time comes from the engine's clock: JavaScript's own
    /// Date() reads the system clock, which tests cannot control.
    /// </summary>
    public static IReadOnlyDictionary<string, Delegate> Functions(Func<DateTimeOffset> now) => new Dictionary<string, Delegate>
    {
        ["now"] = new Func<string>(() => now().ToString("O", CultureInfo.InvariantCulture)),
        ["addWorkingDays"] = new Func<double, string>(days =>
            WorkingDays.Add(now(), (int)Math.Clamp(days, -3650, 3650)).ToString("O", CultureInfo.InvariantCulture)),
    };

    /// <summary>
    /// What an expression sees: each variable, each property of the host's context (which wins a clash,
    /// so a variable cannot pose as the dossier), "variables" for names that are not identifiers, then extras.
    /// </summary>
    /// Nothing is copied: the evaluator only reads the values.
    public static Dictionary<string, JsonNode?> Build(JsonObject variables, JsonObject? context, JsonObject? extra = null)
    {
        var globals = new Dictionary<string, JsonNode?>(variables.Count + 4, StringComparer.Ordinal);
        foreach (var (name, value) in variables)
            globals[name] = value;
        if (context is not null)
        {
            foreach (var (name, value) in context)
                globals[name] = value;
        }
        globals["variables"] = variables;
        if (extra is not null)
        {
            foreach (var (name, value) in extra)
                globals[name] = value;
        }
        return globals;
    }
}
