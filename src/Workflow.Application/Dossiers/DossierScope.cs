using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Persistence;
using Workflow.Application.Workflows;

namespace Workflow.Application.Dossiers;

// A request that names something hanging off a dossier says so by one of these; DossierScopeBehavior
// then answers 404 before anything else runs when the caller may not see that dossier.

/// <summary>The request acts on (or reads) this dossier.</summary>
public interface IOnDossier { Guid DossierId { get; } }

/// <summary>The request acts on (or reads) this appointment, its documents or its exchange.</summary>
public interface IOnAppointment { Guid AppointmentId { get; } }

/// <summary>The request acts on (or reads) this task or its form.</summary>
public interface IOnTask { Guid TaskId { get; } }

/// <summary>The request acts on (or reads) this workflow instance.</summary>
public interface IOnWorkflowInstance { Guid InstanceId { get; } }

/// <summary>The request acts on this invitation.</summary>
public interface IOnInvitation { Guid InvitationId { get; } }

/// <summary>
/// The dossier's visibility, one mechanism for every read and every command on a dossier and what hangs
/// off it (tasks, appointments, invitations, documents, exchanges, participants, workflow instances):
/// the same rule as <see cref="DossierAccess"/>. It runs first, before validation, so whatever the body
/// says, something the caller may not see does not exist for them (404), and nothing tells them otherwise.
/// An empty id is left to the validator (400).
/// </summary>
internal sealed class DossierScopeBehavior<TRequest, TResponse>(AppDbContext db, CurrentUser user) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken ct, RequestHandlerDelegate<TResponse> next)
    {
        var visible = db.Visible(user).Select(d => d.Id);
        switch (request)
        {
            case IOnDossier { DossierId: var id } when id != Guid.Empty:
                if (!await visible.AnyAsync(d => d == id, ct))
                    throw new NotFoundException("Dossier", id);
                break;
            case IOnAppointment { AppointmentId: var id } when id != Guid.Empty:
                if (!await db.Appointments.AnyAsync(a => a.Id == id && visible.Contains(a.DossierId), ct))
                    throw new NotFoundException("Appointment", id);
                break;
            case IOnTask { TaskId: var id } when id != Guid.Empty:
                if (!await db.Tasks.AnyAsync(t => t.Id == id && visible.Contains(t.DossierId), ct))
                    throw new NotFoundException("Task", id);
                break;
            case IOnWorkflowInstance { InstanceId: var id } when id != Guid.Empty:
                if (!await InstanceAccess.Visible(db, user).AnyAsync(i => i.Id == id, ct))
                    throw new NotFoundException("Workflow instance", id);
                break;
            case IOnInvitation { InvitationId: var id } when id != Guid.Empty:
                var appointments = db.Appointments.Where(a => visible.Contains(a.DossierId)).Select(a => a.Id);
                if (!await db.Invitations.AnyAsync(i => i.Id == id && appointments.Contains(i.AppointmentId), ct))
                    throw new NotFoundException("Invitation", id);
                break;
        }
        return await next();
    }
}
