using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;

namespace Workflow.Application.Workflows;

public static class PublishDefinition
{
    /// <summary>Publishes a version; the version of the same key published before is unpublished (one triggers at a time).</summary>
    public sealed record Command(string Key, int Version) : ICommand<DefinitionDto>;

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, DefinitionDto>
    {
        public async Task<DefinitionDto> Handle(Command command, CancellationToken ct)
        {
            var definition = await DefinitionLookup.Load(db, command.Key, command.Version, ct);
            await Publish(db, definition, user.Id, clock.GetUtcNow(), ct);
            return DefinitionDto.From(definition);
        }
    }

    internal static async Task Publish(AppDbContext db, WorkflowDefinition definition, Guid? by, DateTimeOffset now, CancellationToken ct)
    {
        var current = await db.WorkflowDefinitions.Where(d => d.Key == definition.Key && d.Status == DefinitionStatus.Published && d.Id != definition.Id).ToListAsync(ct);
        foreach (var previous in current)
            previous.Unpublish(by, now);
        // The partial unique index checks at each statement: the old version must be out before the new one is in.
        await db.SaveChangesAsync(ct);
        definition.Publish(by, now);
    }
}

public static class UnpublishDefinition
{
    /// <summary>Stops a version from being triggered; its running instances go on.</summary>
    public sealed record Command(string Key, int Version) : ICommand<DefinitionDto>;

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, DefinitionDto>
    {
        public async Task<DefinitionDto> Handle(Command command, CancellationToken ct)
        {
            var definition = await DefinitionLookup.Load(db, command.Key, command.Version, ct);
            definition.Unpublish(user.Id, clock.GetUtcNow());
            return DefinitionDto.From(definition);
        }
    }
}

public static class RevertDefinition
{
    /// <summary>Copies an old version into a new draft, version N+1, so history only grows.</summary>
    public sealed record Command(string Key, int Version) : ICommand<DefinitionDto>;

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, DefinitionDto>
    {
        public async Task<DefinitionDto> Handle(Command command, CancellationToken ct)
        {
            var old = await DefinitionLookup.Load(db, command.Key, command.Version, ct);
            var latest = await db.WorkflowDefinitions.Where(d => d.Key == command.Key).MaxAsync(d => d.Version, ct);
            var draft = WorkflowDefinition.Create(old.Key, latest + 1, old.Name, old.Xml, old.ContentHash, user.Id, clock.GetUtcNow(), old.Version);
            db.WorkflowDefinitions.Add(draft);
            return DefinitionDto.From(draft);
        }
    }
}

internal static class DefinitionLookup
{
    public static async Task<WorkflowDefinition> Load(AppDbContext db, string key, int version, CancellationToken ct) =>
        await db.WorkflowDefinitions.SingleOrDefaultAsync(d => d.Key == key && d.Version == version, ct)
        ?? throw new NotFoundException("Workflow definition", $"{key} v{version}");
}
