using System.Text.Json.Nodes;
using Workflow.Engine.Expressions;
using Workflow.Engine.Model;
using Workflow.Engine.State;
using Workflow.Engine.Timing;

namespace Workflow.Engine.Execution;

internal sealed partial class Execution
{
    private void CreateUserTask(Token token, FlowNode node)
    {
        var spec = node.UserTask!;
        if (!TryResolve(token, spec.Assignee, out var assignee)
            || !TryResolve(token, spec.CandidateRole, out var role)
            || !TryResolve(token, spec.DueDate, out var dueText))
            return;
        DateTimeOffset? dueAt = null;
        if (dueText is not null)
        {
            dueAt = Iso8601.TryParseDuration(dueText, out var duration) ? duration.AddTo(Now)
                : Iso8601.TryParseDate(dueText, out var date) ? date
                : null;
            if (dueAt is null)
            {
                RaiseIncident(token, $"due date '{dueText}' is neither an ISO 8601 duration nor a date");
                return;
            }
        }
        if (!ScheduleBoundaryTimers(token, node))
            return;
        token.Status = TokenStatus.Waiting;
        var wait = new Wait
        {
            Id = Guid.NewGuid(), Kind = WaitKind.UserTask, TokenId = token.Id, ElementId = node.Id, CreatedAt = Now,
            DueAt = dueAt, FormKey = spec.FormKey, Assignee = assignee, CandidateRole = role,
        };
        state.Waits.Add(wait);
        effects.Add(new UserTaskCreated(wait.Id, node.Id, node.Name, spec.FormKey, assignee, role, dueAt));
    }

    /// <summary>Literal text, or the string value of an '=' expression; an evaluation failure becomes an incident.</summary>
    private bool TryResolve(Token token, string? text, out string? value)
    {
        value = text;
        if (text is null || !ValueOrExpression.IsExpression(text))
            return true;
        var result = Evaluate(ValueOrExpression.ExpressionOf(text));
        if (result.Failed)
        {
            RaiseIncident(token, result.Error!);
            return false;
        }
        value = result.Text;
        return true;
    }

    private async Task RunServiceTaskAsync(Token token, FlowNode node)
    {
        var spec = node.ServiceTask!;
        var input = new JsonObject();
        foreach (var mapping in spec.Inputs)
        {
            var value = Evaluate(mapping.Expression);
            if (value.Failed)
            {
                RaiseIncident(token, $"input '{mapping.Target}': {value.Error}");
                return;
            }
            input[mapping.Target] = value.Value;
        }

        var outcome = await RunCommandAsync(new CommandRequest(state.Id, node.Id, spec.Command ?? "", input, token.Attempts + 1, caller.Context));
        if (outcome.Succeeded)
        {
            CompleteServiceTask(token, node, outcome.Result);
            return;
        }
        Journal(JournalKind.Error, node.Id, outcome.ErrorCode is null ? outcome.Message : $"{outcome.ErrorCode}: {outcome.Message}");
        if (outcome.ErrorCode is not null && TryCatchError(token, outcome.ErrorCode))
            return;
        token.Attempts++;
        if (token.Attempts < spec.Retry.Attempts)
            ScheduleRetry(token, node, spec.Retry.DelayAfter(token.Attempts));
        else
            RaiseIncident(token, outcome.Message ?? "the command failed");
    }

    private async Task<CommandOutcome> RunCommandAsync(CommandRequest request)
    {
        try
        {
            return await engine.Commands.RunAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A handler that throws is a technical failure like any other: retried, then an incident.
            return CommandOutcome.Failure($"{e.GetType().Name}: {e.Message}");
        }
    }

    private void CompleteServiceTask(Token token, FlowNode node, JsonNode? result)
    {
        var changed = new JsonObject();
        foreach (var mapping in node.ServiceTask!.Outputs)
        {
            var value = Evaluate(mapping.Expression, new JsonObject { ["result"] = result?.DeepClone() });
            if (value.Failed)
            {
                RaiseIncident(token, $"output '{mapping.Target}': {value.Error}");
                return;
            }
            changed[mapping.Target] = value.Value;
        }
        MergeVariables(changed, node.Id);
        Leave(token, node);
    }

    private void ScheduleRetry(Token token, FlowNode node, TimeSpan delay)
    {
        token.Status = TokenStatus.Waiting;
        var wait = new Wait
        {
            Id = Guid.NewGuid(), Kind = WaitKind.Retry, TokenId = token.Id, ElementId = node.Id, CreatedAt = Now, DueAt = Now + delay,
        };
        state.Waits.Add(wait);
        effects.Add(new TimerScheduled(wait.Id, node.Id, wait.DueAt.Value));
    }

    private void EnterSubProcess(Token token, FlowNode node)
    {
        if (!ScheduleBoundaryTimers(token, node))
            return;
        token.Status = TokenStatus.Waiting;
        var start = definition.StartEvents(node.Id).First();
        var child = new Token { Id = Guid.NewGuid(), ElementId = start.Id, ScopeId = token.Id, Status = TokenStatus.Ready };
        state.Tokens.Add(child);
        ready.Enqueue(child.Id);
    }
}
