using System.Text.Json.Nodes;

namespace Workflow.Engine.Expressions;

public sealed record ExpressionResult(JsonNode? Value, string? Error)
{
    public bool Failed => Error is not null;

    public static ExpressionResult Ok(JsonNode? value) => new(value, null);
    public static ExpressionResult Fail(string error) => new(null, error);

    /// <summary>A string result as it is; any other value as JSON, so that a number can serve as a key or a name.</summary>
    public string? Text => Value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => other.ToJsonString(),
    };

    /// <summary>JavaScript truthiness, so that conditions read as designers expect.</summary>
    public bool IsTruthy => Value switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<double>(out var d) => d != 0 && !double.IsNaN(d),
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        _ => true,
    };
}
