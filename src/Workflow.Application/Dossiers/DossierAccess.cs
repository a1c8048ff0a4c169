using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Persistence;

namespace Workflow.Application.Dossiers;

/// <summary>
/// Who may see a dossier and what hangs off it: everyone on staff for an ordinary dossier;
/// for a confidential one only its referent, its internal-user participants and admins.
/// Anyone else is told it does not exist.
/// </summary>
public static class DossierAccess
{
    public static Expression<Func<Dossier, bool>> VisibleTo(CurrentUser user)
    {
        var id = user.Id;
        if (user.IsAdmin)
            return _ => true;
        return d => !d.Confidential || d.ReferentId == id || d.Participants.Any(p => p.UserId == id);
    }

    public static IQueryable<Dossier> Visible(this AppDbContext db, CurrentUser user) => db.Dossiers.Where(VisibleTo(user));

    /// <summary>Loads a dossier with its participants, or 404 if it does not exist or the user may not see it.</summary>
    public static async Task<Dossier> LoadVisible(this AppDbContext db, Guid dossierId, CurrentUser user, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.Include(d => d.Participants).SingleOrDefaultAsync(d => d.Id == dossierId, cancellationToken);
        if (dossier is null || !dossier.IsVisibleTo(user))
            throw new NotFoundException("Dossier", dossierId);
        return dossier;
    }
}
