using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Dossiers;
using Workflow.Application.Persistence;

namespace Workflow.Application.Documents;

/// <summary>The documents attached to a dossier's appointments, newest first; a confidential dossier's only for those who may see it (else 404).</summary>
public static class DossierDocuments
{
    public sealed record Item(Guid Id, Guid AppointmentId, string AppointmentTitle, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

    public sealed record Query(Guid DossierId) : IQuery<IReadOnlyList<Item>>;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query query, CancellationToken ct)
        {
            var dossier = await db.LoadVisible(query.DossierId, user, ct);
            return await (from d in db.AppointmentDocuments
                          join a in db.Appointments on d.AppointmentId equals a.Id
                          where a.DossierId == dossier.Id
                          orderby d.UploadedAt descending
                          select new Item(d.Id, a.Id, a.Title, d.FileName, d.ContentType, d.Size, d.UploadedAt)).AsNoTracking().ToListAsync(ct);
        }
    }
}
