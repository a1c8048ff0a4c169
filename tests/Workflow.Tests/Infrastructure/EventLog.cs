using Microsoft.Extensions.Configuration;
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

/// <summary>
/// Looks, at the moment DossierCreated is published, whether another connection can already
/// see the dossier: it can only if events are published after commit.
/// </summary>
public sealed class CommitProbe(Microsoft.Extensions.Configuration.IConfiguration configuration) : INotificationHandler<Workflow.Application.Dossiers.DossierCreated>
{
    public static readonly ConcurrentDictionary<Guid, bool> Seen = new();

    public async Task Handle(Workflow.Application.Dossiers.DossierCreated notification, CancellationToken cancellationToken)
    {
        await using var connection = new Npgsql.NpgsqlConnection(configuration.GetConnectionString("Workflow"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM dossiers WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", notification.DossierId);
        Seen[notification.DossierId] = (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }
}
