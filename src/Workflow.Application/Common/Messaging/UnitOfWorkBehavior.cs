using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Workflow.Application.Persistence;

namespace Workflow.Application.Common.Messaging;

/// <summary>
/// Runs a command in one transaction, then publishes the domain events it raised, only
/// once the transaction has committed, so a subscriber never sees a change that could
/// still roll back. Database refusals (exclusion and unique constraints, concurrent
/// updates) become domain exceptions with a machine-readable reason.
/// </summary>
public sealed class UnitOfWorkBehavior<TRequest, TResponse>(AppDbContext db, IMediator mediator, IEnumerable<IBeforeCommitHandler> beforeCommit,
    ILogger<UnitOfWorkBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommandMarker || db.Database.CurrentTransaction is not null)
            return await next();

        List<IDomainEvent> events;
        TResponse response;
        // A pooled context comes back with EF's defaults: no savepoint around each save in this one transaction.
        db.Database.AutoSavepointsEnabled = false;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                response = await next();
                events = await RunBeforeCommit(cancellationToken);
                var sources = db.ChangeTracker.Entries<IHasDomainEvents>().Select(e => e.Entity).ToList();
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                sources.ForEach(s => s.ClearDomainEvents());
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new DomainException("concurrent-update", "Someone else changed this record at the same time; reload it and try again.");
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException pg && DatabaseRefusal.Translate(pg) is { } refusal)
            {
                throw refusal;
            }
        }

        foreach (var domainEvent in events)
        {
            try
            {
                await mediator.Publish((dynamic)domainEvent, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The change is committed; a failing subscriber must not turn it into an error for the caller.
                logger.LogError(ex, "A subscriber of {Event} failed", domainEvent.GetType().Name);
            }
        }

        return response;
    }

    /// <summary>
    /// Before-commit handlers may send commands of their own (a workflow's service task books an
    /// appointment): the events those raise go round again, until nothing new is raised.
    /// </summary>
    private async Task<List<IDomainEvent>> RunBeforeCommit(CancellationToken cancellationToken)
    {
        var seen = new HashSet<IDomainEvent>(ReferenceEqualityComparer.Instance);
        var all = new List<IDomainEvent>();
        for (var round = 0; ; round++)
        {
            var fresh = db.ChangeTracker.Entries<IHasDomainEvents>().SelectMany(e => e.Entity.DomainEvents).Where(seen.Add).ToList();
            if (fresh.Count == 0)
                return all;
            if (round == MaxRounds)
                throw new DomainException("event-loop", $"Domain events kept raising new ones for {MaxRounds} rounds; the change is refused.");
            all.AddRange(fresh);
            foreach (var handler in beforeCommit)
                await handler.Handle(fresh, cancellationToken);
        }
    }

    private const int MaxRounds = 50;
}
