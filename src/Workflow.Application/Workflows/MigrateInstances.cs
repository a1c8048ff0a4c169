using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Engine.Migration;
using Workflow.Engine.Model;
using Workflow.Engine.State;

namespace Workflow.Application.Workflows;

/// <summary>Some instances cannot move: nothing moved, and each problem names the instance and the element.</summary>
public sealed class MigrationRefusedException(IReadOnlyList<ValidationError> errors)
    : DomainException("migration-invalid", $"{errors.Count} problem(s) stop the migration; no instance was moved.", unprocessable: true)
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;

    public override IReadOnlyDictionary<string, object?> Extensions =>
        new Dictionary<string, object?> { ["errors"] = Errors.Select(e => new { element = e.Element, message = e.Message }).ToArray() };
}

public static class MigrateInstances
{
    public sealed record InstanceReport(Guid InstanceId, bool Migrated, IReadOnlyList<ValidationError> Errors);

    /// <summary>
    /// Moves the running instances of one version (all, or those listed) to another version of the
    /// same key, with an element mapping (identical ids map themselves). Every instance is checked
    /// first; only if all can move are they moved, in one transaction. DryRun only checks.
    /// </summary>
    public sealed record Command(string Key, int FromVersion, int ToVersion, IReadOnlyDictionary<string, string>? Mapping = null,
        IReadOnlyList<Guid>? InstanceIds = null, bool DryRun = false) : ICommand<IReadOnlyList<InstanceReport>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Key).NotEmpty();
            RuleFor(c => c.FromVersion).GreaterThan(0);
            RuleFor(c => c.ToVersion).GreaterThan(0).NotEqual(c => c.FromVersion).WithMessage("'toVersion' must differ from 'fromVersion'.");
        }
    }

    internal sealed class Handler(AppDbContext db, DefinitionCache cache, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, IReadOnlyList<InstanceReport>>
    {
        public async Task<IReadOnlyList<InstanceReport>> Handle(Command command, CancellationToken ct)
        {
            var from = await DefinitionLookup.Load(db, command.Key, command.FromVersion, ct);
            var to = await DefinitionLookup.Load(db, command.Key, command.ToVersion, ct);
            var (source, target) = (cache.Get(from), cache.Get(to));
            var query = db.WorkflowInstances.WithWaits()
                .Where(i => i.DefinitionId == from.Id && i.Status == InstanceStatus.Running);
            if (command.InstanceIds is { Count: > 0 } ids)
                query = query.Where(i => ids.Contains(i.Id));
            var instances = await query.OrderBy(i => i.StartedAt).ToListAsync(ct);
            if (command.InstanceIds is { Count: > 0 } wanted && wanted.Except(instances.Select(i => i.Id)).ToList() is { Count: > 0 } missing)
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("instanceIds",
                    $"Not running on version {command.FromVersion}: {string.Join(", ", missing)}.")]);

            var reports = instances.Select(i => new InstanceReport(i.Id, false,
                InstanceMigrator.Validate(i.ReadState(), source, target, command.Mapping))).ToList();
            var problems = reports.SelectMany(r => r.Errors.Select(e => new ValidationError($"{r.InstanceId}/{e.Element}", e.Message))).ToList();
            if (problems.Count > 0 && !command.DryRun)
                throw new MigrationRefusedException(problems);
            if (command.DryRun)
                return reports;

            var now = clock.GetUtcNow();
            foreach (var instance in instances)
            {
                var before = instance.ReadState();
                var result = InstanceMigrator.Migrate(before, source, target, command.Mapping, now, user.Id.ToString());
                instance.MoveTo(to, result.State!, now);
                await FollowTasks(instance.Id, before, result.State!, ct);
            }
            return reports.Select(r => r with { Migrated = true }).ToList();
        }

        /// <summary>Waits keep their ids; a user task mapped to another element takes its task along.</summary>
        private async Task FollowTasks(Guid instanceId, InstanceState before, InstanceState after, CancellationToken ct)
        {
            var moved = after.Waits.Where(w => w.Kind == WaitKind.UserTask)
                .Select(w => (Old: before.Waits.FirstOrDefault(b => b.Id == w.Id)?.ElementId, New: w.ElementId))
                .Where(m => m.Old is not null && m.Old != m.New).ToList();
            foreach (var (oldId, newId) in moved)
            {
                var tasks = await db.Tasks.Where(t => t.WorkflowInstanceId == instanceId && t.WorkflowElementId == oldId).ToListAsync(ct);
                tasks.ForEach(t => t.MoveToWorkflowElement(newId));
            }
        }
    }
}
