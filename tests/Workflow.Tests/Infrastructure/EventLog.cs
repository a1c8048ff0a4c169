using System.Collections.Concurrent;
using MediatR;

namespace Workflow.Tests.Infrastructure;

/// <summary>Every notification the application publishes, in order.</summary>
public sealed class EventLog
{
    private readonly ConcurrentQueue<INotification> _events = new();

    public void Add(INotification notification) => _events.Enqueue(notification);

    public IReadOnlyList<T> Of<T>() => _events.OfType<T>().ToList();
}

public sealed class RecordingHandler<T>(EventLog log) : INotificationHandler<T> where T : INotification
{
    public Task Handle(T notification, CancellationToken cancellationToken)
    {
        log.Add(notification);
        return Task.CompletedTask;
    }
}
