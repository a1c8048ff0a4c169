using Workflow.Engine.Expressions;
using Workflow.Engine.Model;
using Workflow.Engine.Timing;

namespace Workflow.Engine.Validation;

/// <summary>Checks the syntax of every expression and the ISO 8601 text of every timer and due date.</summary>
internal static class ExpressionRules
{
    public static void Check(ProcessDefinition definition, List<ValidationError> errors)
    {
        foreach (var flow in definition.Flows.Values)
            Expression(flow.Id, "condition", flow.Condition, errors);
        foreach (var node in definition.Nodes.Values)
        {
            if (node.Timer is { } timer && TimerSchedule.Check(timer) is { } timerProblem)
                errors.Add(new(node.Id, timerProblem));
            if (node.Message is { } message)
            {
                Expression(node.Id, "message condition", message.Condition, errors);
                Expression(node.Id, "correlation", message.Correlation, errors);
            }
            if (node.ServiceTask is { } service)
            {
                foreach (var mapping in service.Inputs.Concat(service.Outputs))
                    Expression(node.Id, $"mapping of '{mapping.Target}'", mapping.Expression, errors);
            }
            if (node.UserTask is { } task)
                UserTask(node.Id, task, errors);
        }
    }

    private static void UserTask(string id, UserTaskSpec task, List<ValidationError> errors)
    {
        Prefixed(id, "assignee", task.Assignee, errors);
        Prefixed(id, "candidate role", task.CandidateRole, errors);
        if (task.DueDate is null)
            return;
        if (ValueOrExpression.IsExpression(task.DueDate))
            Prefixed(id, "due date", task.DueDate, errors);
        else if (!Iso8601.TryParseDuration(task.DueDate, out _) && !Iso8601.TryParseDate(task.DueDate, out _))
            errors.Add(new(id, $"due date '{task.DueDate}' is neither an ISO 8601 duration or date nor an '=' expression"));
    }

    private static void Prefixed(string id, string what, string? value, List<ValidationError> errors)
    {
        if (value is not null && ValueOrExpression.IsExpression(value))
            Expression(id, what, ValueOrExpression.ExpressionOf(value), errors);
    }

    private static void Expression(string id, string what, string? expression, List<ValidationError> errors)
    {
        if (expression is not null && ExpressionSyntax.Check(expression) is { } problem)
            errors.Add(new(id, $"{what}: {problem}"));
    }
}
