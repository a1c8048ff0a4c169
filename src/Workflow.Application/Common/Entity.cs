namespace Workflow.Application.Common;

/// <summary>A domain event: published as a MediatR notification once the transaction that raised it commits.</summary>
public interface IDomainEvent : MediatR.INotification
{
    DateTimeOffset OccurredAt { get; }
}

/// <summary>The application's own bookkeeping (a timer set, a version published, an e-mail queued): never routed to workflows nor offered to designers.</summary>
public interface IInternalEvent : IDomainEvent;

public interface IHasDomainEvents
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }
    void ClearDomainEvents();
}

public abstract class Entity : IHasDomainEvents
{
    private readonly List<IDomainEvent> _events = [];

    public IReadOnlyList<IDomainEvent> DomainEvents => _events;

    protected void Raise(IDomainEvent domainEvent) => _events.Add(domainEvent);

    public void ClearDomainEvents() => _events.Clear();
}
