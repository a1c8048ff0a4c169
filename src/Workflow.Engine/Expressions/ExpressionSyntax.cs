namespace Workflow.Engine.Expressions;

public static class ExpressionSyntax
{
    /// <summary>Returns why the expression does not parse as JavaScript, or null when it does.</summary>
    public static string? Check(string expression, int maxLength = 4_000) => Check(expression, maxLength, out _);

    internal static string? Check(string expression, int maxLength, out ExpressionShape? shape)
    {
        shape = null;
        if (string.IsNullOrWhiteSpace(expression))
            return "the expression is empty";
        if (expression.Length > maxLength)
            return $"the expression is longer than {maxLength} characters";
        shape = ExpressionShape.Of(expression);
        return shape.Error;
    }
}
