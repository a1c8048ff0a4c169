using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Application.Scheduling;

namespace Workflow.Application.Notifications;

public static class SendReminder
{
    public sealed record Result(bool Sent);

    /// <summary>
    /// Reminds everyone concerned by one appointment (a workflow's service task does this, or its organiser from the
    /// appointment screen); only once. A signed-in caller must be one who may change the appointment.
    /// </summary>
    public sealed record Command(Guid AppointmentId) : ICommand<Result>, IOnAppointment;

    internal sealed class Handler(AppDbContext db, TimeProvider clock, CurrentUser user) : MediatR.IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken ct)
        {
            var appointment = user.IsAuthenticated
                ? (await AppointmentAccess.LoadForChange(db, command.AppointmentId, user, ct)).Appointment
                : await db.Appointments.Include(a => a.Parties).Include(a => a.Invitations).AsSplitQuery()
                      .SingleOrDefaultAsync(a => a.Id == command.AppointmentId, ct)
                  ?? throw new NotFoundException("Appointment", command.AppointmentId);
            return new Result(appointment.Remind(clock.GetUtcNow()));
        }
    }
}

public static class SendDueReminders
{
    public sealed record Result(int Sent);

    /// <summary>Reminds of every planned appointment that starts within Reminders:LeadHours (24 by default) and has not been reminded of.</summary>
    public sealed record Command : ICommand<Result>;

    internal sealed class Handler(AppDbContext db, TimeProvider clock, IConfiguration configuration) : MediatR.IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var horizon = now.AddHours(configuration.GetValue("Reminders:LeadHours", 24.0));
            var due = await db.Appointments.Include(a => a.Parties).Include(a => a.Invitations).AsSplitQuery()
                .Where(a => a.Status == AppointmentStatus.Planned && a.ReminderSentAt == null && a.Start > now && a.Start <= horizon)
                .OrderBy(a => a.Start).Take(500).ToListAsync(ct);
            return new Result(due.Count(a => a.Remind(now)));
        }
    }
}
