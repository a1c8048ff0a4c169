using FluentValidation;

using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;

namespace Workflow.Application.Dossiers;

public static class GetDossier
{
    public sealed record Query(Guid DossierId) : IQuery<DossierDto>, IOnDossier;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, DossierDto>
    {
        public async Task<DossierDto> Handle(Query query, CancellationToken cancellationToken) =>
            DossierDto.From(await db.LoadVisible(query.DossierId, user, cancellationToken));
    }
}

public static class ListDossiers
{
    public sealed record Query(string? Search = null, string? Kind = null, DossierStatus? Status = null, bool? Urgent = null, int Skip = 0, int Take = 50)
        : IQuery<IReadOnlyList<DossierDto>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Skip).GreaterThanOrEqualTo(0);
            RuleFor(q => q.Take).InclusiveBetween(1, 200);
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, IReadOnlyList<DossierDto>>
    {
        public async Task<IReadOnlyList<DossierDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var dossiers = db.Visible(user).Include(d => d.Participants).AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var pattern = $"%{query.Search.Trim()}%";
                dossiers = dossiers.Where(d => EF.Functions.ILike(d.Reference, pattern) || EF.Functions.ILike(d.Title, pattern));
            }
            if (query.Kind is not null) dossiers = dossiers.Where(d => d.Kind == query.Kind);
            if (query.Status is not null) dossiers = dossiers.Where(d => d.Status == query.Status);
            if (query.Urgent is not null) dossiers = dossiers.Where(d => d.Urgent == query.Urgent);

            var page = await dossiers.OrderByDescending(d => d.Urgent).ThenByDescending(d => d.CreatedAt)
                .Skip(query.Skip).Take(query.Take).AsSplitQuery().ToListAsync(cancellationToken);
            return page.Select(DossierDto.From).ToList();
        }
    }
}
