namespace Workflow.Application.Common.Messaging;

/// <summary>
/// Runs inside a command's transaction, before it commits, with every domain event the command
/// raised: for what must be written atomically with the change itself (the e-mails that report
/// it, the work a background job will pick up). Notifications after commit are for everything else.
/// </summary>
public interface IBeforeCommitHandler
{
    Task Handle(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken);
}
