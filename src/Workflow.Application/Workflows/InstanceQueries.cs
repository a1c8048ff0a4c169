using FluentValidation;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Dossiers;
using Workflow.Application.Persistence;
using Workflow.Engine.State;

namespace Workflow.Application.Workflows;

/// <summary>DossierReference is filled by the queries, which only return instances of dossiers the caller may see.</summary>
public sealed record InstanceSummary(Guid Id, string DefinitionKey, int DefinitionVersion, Guid? DossierId, InstanceStatus Status, int OpenIncidents,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? DossierReference = null)
{
    public static InstanceSummary From(WorkflowInstance i, string? dossierReference = null) =>
        new(i.Id, i.DefinitionKey, i.DefinitionVersion, i.DossierId, i.Status, i.OpenIncidents, i.StartedAt, i.EndedAt, dossierReference);
}

public sealed record InstanceDetail(InstanceSummary Instance, IReadOnlyList<Token> Tokens, JsonObject Variables, IReadOnlyList<Wait> Waits,
    IReadOnlyList<Incident> Incidents, IReadOnlyList<JournalEntry> Journal);

internal static class InstanceAccess
{
    /// <summary>Staff see the instances of the dossiers they may see; instances without a dossier are for designers and admins.</summary>
    public static IQueryable<WorkflowInstance> Visible(AppDbContext db, CurrentUser user)
    {
        if (user.IsAdmin)
            return db.WorkflowInstances;
        var dossiers = db.Visible(user).Select(d => d.Id);
        var designer = user.IsInRole(Roles.Designer);
        return db.WorkflowInstances.Where(i => i.DossierId == null ? designer : dossiers.Contains(i.DossierId.Value));
    }

    /// <summary>The references of these instances' dossiers (the caller already may see the instances, hence the dossiers).</summary>
    public static async Task<Dictionary<Guid, string>> DossierReferences(AppDbContext db, IEnumerable<WorkflowInstance> instances, CancellationToken ct)
    {
        var ids = instances.Where(i => i.DossierId is not null).Select(i => i.DossierId!.Value).Distinct().ToList();
        return await db.Dossiers.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Reference, ct);
    }

    public static InstanceSummary Summary(WorkflowInstance i, Dictionary<Guid, string> references) =>
        InstanceSummary.From(i, i.DossierId is { } id ? references.GetValueOrDefault(id) : null);
}

public static class ListInstances
{
    /// <summary>
    /// Newest first, <paramref name="Limit"/> at a time after <paramref name="Skip"/>; <paramref name="DossierReference"/>
    /// filters by the dossier's reference as people know it (case-insensitive prefix).
    /// </summary>
    public sealed record Query(string? Key = null, int? Version = null, Guid? DossierId = null, InstanceStatus? Status = null, int Limit = 100,
        string? DossierReference = null, int Skip = 0, bool WithIncidents = false) : IQuery<IReadOnlyList<InstanceSummary>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).InclusiveBetween(1, 1000);
            RuleFor(q => q.Skip).GreaterThanOrEqualTo(0);
            RuleFor(q => q.Version).GreaterThan(0).When(q => q.Version is not null);
            RuleFor(q => q.DossierReference).MaximumLength(100);
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user) : IRequestHandler<Query, IReadOnlyList<InstanceSummary>>
    {
        public async Task<IReadOnlyList<InstanceSummary>> Handle(Query q, CancellationToken ct)
        {
            var instances = InstanceAccess.Visible(db, user).AsNoTracking();
            if (q.Key is not null)
                instances = instances.Where(i => i.DefinitionKey == q.Key);
            if (q.Version is not null)
                instances = instances.Where(i => i.DefinitionVersion == q.Version);
            if (q.DossierId is not null)
                instances = instances.Where(i => i.DossierId == q.DossierId);
            if (q.Status is not null)
                instances = instances.Where(i => i.Status == q.Status);
            if (q.WithIncidents)
                instances = instances.Where(i => i.OpenIncidents > 0);
            // The dossier filter takes a dossier's id as well as the start of its reference.
            if (Guid.TryParse(q.DossierReference?.Trim(), out var dossierId))
                instances = instances.Where(i => i.DossierId == dossierId);
            else if (!string.IsNullOrWhiteSpace(q.DossierReference))
            {
                // What was typed is taken literally: % and _ are not wildcards here.
                var pattern = System.Text.RegularExpressions.Regex.Replace(q.DossierReference.Trim(), @"[\\%_]", @"\$0") + "%";
                instances = instances.Where(i => db.Dossiers.Any(d => d.Id == i.DossierId && EF.Functions.ILike(d.Reference, pattern, @"\")));
            }
            // The list never reads the state: an instance's journal can be long.
            var rows = await instances.OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id).Skip(q.Skip).Take(q.Limit)
                .Select(i => new InstanceSummary(i.Id, i.DefinitionKey, i.DefinitionVersion, i.DossierId, i.Status, i.OpenIncidents, i.StartedAt, i.EndedAt,
                    db.Dossiers.Where(d => d.Id == i.DossierId).Select(d => d.Reference).FirstOrDefault()))
                .ToListAsync(ct);
            return rows;
        }
    }
}

public static class GetInstance
{
    /// <summary>An instance with its tokens, variables, waits, incidents and journal.</summary>
    public sealed record Query(Guid Id) : IQuery<InstanceDetail>, Dossiers.IOnWorkflowInstance
    {
        Guid Dossiers.IOnWorkflowInstance.InstanceId => Id;
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user) : IRequestHandler<Query, InstanceDetail>
    {
        public async Task<InstanceDetail> Handle(Query query, CancellationToken ct)
        {
            var instance = await InstanceAccess.Visible(db, user).AsNoTracking().SingleOrDefaultAsync(i => i.Id == query.Id, ct)
                           ?? throw new NotFoundException("Workflow instance", query.Id);
            var state = instance.ReadState();
            var references = await InstanceAccess.DossierReferences(db, [instance], ct);
            var journal = await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == instance.Id).OrderBy(j => j.Seq).ToListAsync(ct);
            return new InstanceDetail(InstanceAccess.Summary(instance, references), state.Tokens, state.Variables, state.Waits, state.Incidents,
                WorkflowJournalChunk.Concat(journal));
        }
    }
}
