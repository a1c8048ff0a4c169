using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Persistence;
using Workflow.Engine.Execution;

namespace Workflow.Application.Workflows;

/// <summary>
/// Sends a service task's command through MediatR, inside the caller's transaction, as the
/// workflow engine's own user. A savepoint wraps each command: a refused command leaves nothing
/// behind, and the rest of the transaction (the instance's state, the change that moved it) goes on.
/// A domain refusal is a business error (its reason is the error code a boundary event catches);
/// anything else is a technical failure that the engine retries.
/// </summary>
public sealed class CommandRunner(IMediator mediator, AppDbContext db, CurrentUser user, ICrashPoints crash) : ICommandRunner
{

    public async Task<CommandOutcome> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!WorkflowCatalogue.Commands.TryGetValue(request.Command, out var type))
            return CommandOutcome.Failure($"unknown command '{request.Command}'");
        object command;
        try
        {
            command = request.Input.Deserialize(type, WorkflowCatalogue.Json)
                      ?? throw new JsonException("the input is null");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            return CommandOutcome.BusinessError("bad-input", $"the input of {request.Command} does not fit: {ex.Message}");
        }

        // The engine's user acts with an administrator's reach; the person who triggered the step is restored afterwards.
        using (user.ActAsSystem())
        {
            await db.SaveChangesAsync(cancellationToken);
            var transaction = db.Database.CurrentTransaction;
            var savepoint = $"wf_{Guid.NewGuid():N}";
            if (transaction is not null)
                await transaction.CreateSavepointAsync(savepoint, cancellationToken);
            var before = db.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
            try
            {
                object? result = await mediator.Send((dynamic)command, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                if (transaction is not null)
                    await transaction.ReleaseSavepointAsync(savepoint, cancellationToken);
                crash.Reached(CrashPoint.AfterCommand);
                return CommandOutcome.Success(result is null or Unit ? null : JsonSerializer.SerializeToNode(result, result.GetType(), WorkflowCatalogue.Json));
            }
            catch (Exception ex) when (ex is DomainException or NotFoundException or ValidationException or ForbiddenException or DbUpdateException)
            {
                if (transaction is not null)
                    await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
                await Forget(before, cancellationToken);
                return Outcome(ex);
            }
        }
    }

    private static CommandOutcome Outcome(Exception ex) => ex switch
    {
        DomainException d => CommandOutcome.BusinessError(d.Reason, d.Message),
        DbUpdateException { InnerException: Npgsql.PostgresException pg } when DatabaseRefusal.Translate(pg) is { } refusal =>
            CommandOutcome.BusinessError(refusal.Reason, refusal.Message),
        NotFoundException n => CommandOutcome.BusinessError("not-found", n.Message),
        ValidationException v => CommandOutcome.Failure(string.Join("; ", v.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"))),
        _ => CommandOutcome.Failure(ex.Message),
    };

    /// <summary>After a rollback to the savepoint, what the command added is forgotten and what it changed is read again.</summary>
    private async Task Forget(HashSet<object> before, CancellationToken cancellationToken)
    {
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (!before.Contains(entry.Entity))
                entry.State = EntityState.Detached;
            else if (entry.State != EntityState.Detached)
                await entry.ReloadAsync(cancellationToken);
        }
    }
}
