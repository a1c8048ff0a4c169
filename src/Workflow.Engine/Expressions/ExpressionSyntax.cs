using Jint.Parser;

namespace Workflow.Engine.Expressions;

public static class ExpressionSyntax
{
    /// <summary>Returns why the expression does not parse as JavaScript, or null when it does.</summary>
    public static string? Check(string expression, int maxLength = 4_000)
    {
        if (string.IsNullOrWhiteSpace(expression))
            return "the expression is empty";
        if (expression.Length > maxLength)
            return $"the expression is longer than {maxLength} characters";
        try
        {
            new JavaScriptParser().Parse(expression);
            return null;
        }
        catch (ParserException e)
        {
            return $"bad expression syntax at line {e.LineNumber}, column {e.Column}: {e.Description}";
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            return $"bad expression syntax: {e.Message}";
        }
    }
}
