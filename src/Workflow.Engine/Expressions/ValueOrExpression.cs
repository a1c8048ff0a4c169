namespace Workflow.Engine.Expressions;

/// <summary>Attributes that are literals unless they start with '=' (as in Zeebe), which makes them expressions.</summary>
public static class ValueOrExpression
{
    public static bool IsExpression(string value) => value.StartsWith('=');

    public static string ExpressionOf(string value) => value[1..];
}
