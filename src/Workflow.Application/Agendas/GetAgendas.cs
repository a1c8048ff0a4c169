using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Dossiers;
using Workflow.Application.Matching;
using Workflow.Application.Persistence;

namespace Workflow.Application.Agendas;

public sealed record AgendaRange(Guid Id, DateTimeOffset Start, DateTimeOffset End, Guid? LocationId, string? LocationName, Address? LocationAddress);

/// <summary>An appointment in an agenda. On a dossier the viewer may not see, only the time shows (<see cref="Hidden"/>).</summary>
public sealed record AgendaAppointment(Guid? Id, Guid? DossierId, string? DossierReference, string Title, DateTimeOffset Start, DateTimeOffset End, Address? Where, bool Hidden);

public sealed record AgendaBusy(DateTimeOffset Start, DateTimeOffset End);

public sealed record UserAgenda(Guid UserId, string FullName, Address? BaseAddress, IReadOnlyList<AgendaRange>? Ranges,
    IReadOnlyList<AgendaAppointment> Appointments, IReadOnlyList<AgendaBusy>? External, IReadOnlyList<SlotDto>? FreeSlots);

public static class GetAgendas
{
    /// <summary>
    /// Several agendas side by side for a period: availability ranges, planned appointments,
    /// external busy times (each layer can be left out, the two switches of the planning screen),
    /// and, given a duration, the free slots for an appointment at <see cref="Place"/>.
    /// </summary>
    public sealed record Query(IReadOnlyList<Guid> UserIds, DateTimeOffset From, DateTimeOffset To, bool Availability = true, bool External = true,
        int? SlotMinutes = null, Address? Place = null) : IQuery<IReadOnlyList<UserAgenda>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.UserIds).NotEmpty().Must(u => u.Count <= 20).WithMessage("Show at most 20 agendas at once.");
            RuleFor(q => q.To).GreaterThan(q => q.From).WithMessage("'to' must be after 'from'.");
            RuleFor(q => q).Must(q => q.To - q.From <= TimeSpan.FromDays(62)).WithName("to").WithMessage("Show at most two months at a time.");
            RuleFor(q => q.SlotMinutes).InclusiveBetween(5, 24 * 60).When(q => q.SlotMinutes is not null);
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, IReadOnlyList<UserAgenda>>
    {
        public async Task<IReadOnlyList<UserAgenda>> Handle(Query q, CancellationToken ct)
        {
            var wanted = q.UserIds.Distinct().ToList();
            var people = await db.Users.Where(u => wanted.Contains(u.Id)).Select(u => new { u.Id, u.FullName, u.BaseAddress }).AsNoTracking().ToListAsync(ct);
            var unknown = wanted.Where(id => people.All(p => p.Id != id)).ToList();
            if (unknown.Count > 0)
                throw new ValidationException(unknown.Select(id => new FluentValidation.Results.ValidationFailure($"userIds[{wanted.IndexOf(id)}]", "No user has this id.")));

            var ids = db.Users.Where(u => wanted.Contains(u.Id)).Select(u => u.Id);
            var (from, to) = (q.From.ToUniversalTime(), q.To.ToUniversalTime());
            var needRanges = q.Availability || q.SlotMinutes is not null;
            var ranges = needRanges ? (await AgendaData.Ranges(db, ids, from, to, null, ct)).ToLookup(r => r.UserId) : null;
            var appointments = (await AgendaData.Appointments(db, ids, from - TimeSpan.FromHours(4), to + TimeSpan.FromHours(4), ct)).ToLookup(a => a.UserId);
            var external = (await AgendaData.External(db, ids, from, to, ct)).ToLookup(e => e.UserId);
            var dossierIds = appointments.SelectMany(g => g).Select(a => a.DossierId).Distinct().ToList();
            var visible = await db.Visible(user).Where(d => dossierIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Reference, ct);

            return people.OrderBy(p => wanted.IndexOf(p.Id)).Select(p =>
            {
                var inPeriod = appointments[p.Id].Where(a => a.Start < to && from < a.End).OrderBy(a => a.Start).Select(a => visible.TryGetValue(a.DossierId, out var reference)
                    ? new AgendaAppointment(a.Id, a.DossierId, reference, a.Title, a.Start, a.End, a.Where, false)
                    : new AgendaAppointment(null, null, null, "Busy", a.Start, a.End, null, true)).ToList();
                IReadOnlyList<SlotDto>? slots = null;
                if (q.SlotMinutes is { } minutes)
                {
                    var userRanges = ranges![p.Id].ToList();
                    var busy = AgendaData.Blocking(appointments[p.Id], external[p.Id], q.Place, Scoring.UnknownTravel);
                    slots = FreeSlots.Find(userRanges.Select(r => new Interval(r.Start, r.End)), busy, new Interval(from, to), TimeSpan.FromMinutes(minutes), Scoring.Step, 200)
                        .Select(s => userRanges.First(r => r.Start <= s.Start && s.End <= r.End) is var r ? new SlotDto(s.Start, s.End, r.LocationId, r.LocationName) : null!)
                        .ToList();
                }
                return new UserAgenda(p.Id, p.FullName, p.BaseAddress,
                    q.Availability ? ranges![p.Id].OrderBy(r => r.Start).Select(r => new AgendaRange(r.Id, r.Start, r.End, r.LocationId, r.LocationName, r.LocationAddress)).ToList() : null,
                    inPeriod,
                    q.External ? external[p.Id].OrderBy(e => e.Start).Select(e => new AgendaBusy(e.Start, e.End)).ToList() : null,
                    slots);
            }).ToList();
        }
    }
}
