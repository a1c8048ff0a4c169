using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Engine.Migration;
using Workflow.Engine.State;

namespace Workflow.Application.Workflows;

public static class ProposeMigration
{
    public sealed record Candidate(string ElementId, string? Name);

    /// <summary>An element where running instances of the source version stand, and where it could go in the target.</summary>
    public sealed record Element(string ElementId, string? Name, string Kind, int Instances, string? Proposed, IReadOnlyList<Candidate> Candidates);

    public sealed record Plan(string Key, int FromVersion, int ToVersion, int RunningInstances, IReadOnlyList<Element> Elements);

    /// <summary>
    /// The mapping a migration needs: every element where a token of a running instance of the source
    /// version stands, with the target's elements of a compatible kind; an identical id is proposed.
    /// </summary>
    public sealed record Query(string Key, int FromVersion, int ToVersion) : IQuery<Plan>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Key).NotEmpty();
            RuleFor(q => q.FromVersion).GreaterThan(0).OverridePropertyName("from");
            RuleFor(q => q.ToVersion).GreaterThan(0).NotEqual(q => q.FromVersion).WithMessage("'to' must differ from 'from'.").OverridePropertyName("to");
        }
    }

    internal sealed class Handler(AppDbContext db, DefinitionCache cache) : IRequestHandler<Query, Plan>
    {
        public async Task<Plan> Handle(Query query, CancellationToken ct)
        {
            var from = await DefinitionLookup.Load(db, query.Key, query.FromVersion, ct);
            var to = await DefinitionLookup.Load(db, query.Key, query.ToVersion, ct);
            var (source, target) = (cache.Get(from), cache.Get(to));
            var states = await db.WorkflowInstances.AsNoTracking()
                .Where(i => i.DefinitionId == from.Id && i.Status == InstanceStatus.Running).Select(i => i.State).ToListAsync(ct);
            var standing = states.SelectMany(json => InstanceState.FromJson(json).Tokens.Select(t => t.ElementId).Distinct())
                .GroupBy(id => id).OrderBy(g => g.Key, StringComparer.Ordinal);

            var elements = standing.Select(g =>
            {
                var node = source.Node(g.Key);
                var candidates = node is null
                    ? []
                    : target.Nodes.Values.Where(n => InstanceMigrator.Compatible(node, n)).OrderBy(n => n.Id, StringComparer.Ordinal)
                        .Select(n => new Candidate(n.Id, n.Name)).ToList();
                var proposed = candidates.Any(c => c.ElementId == g.Key) ? g.Key : null;
                return new Element(g.Key, node?.Name, node is null ? "unknown" : InstanceMigrator.Describe(node), g.Count(), proposed, candidates);
            }).ToList();
            return new Plan(query.Key, query.FromVersion, query.ToVersion, states.Count, elements);
        }
    }
}
