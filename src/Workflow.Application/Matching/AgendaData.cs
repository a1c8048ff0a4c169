using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Persistence;
using Workflow.Application.Scheduling;

namespace Workflow.Application.Matching;

public sealed record RangeRow(Guid Id, Guid UserId, DateTimeOffset Start, DateTimeOffset End, Guid? LocationId, string? LocationName, Address? LocationAddress);

public sealed record AppointmentRow(Guid Id, Guid UserId, Guid DossierId, string Title, DateTimeOffset Start, DateTimeOffset End, Address? Where);

public sealed record ExternalRow(Guid UserId, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// The three layers of agendas, read for many users and a period in three indexed queries
/// (ranges by user and time, planned appointments by main user and time, external busy times).
/// </summary>
internal static class AgendaData
{
    public static Task<List<RangeRow>> Ranges(AppDbContext db, IQueryable<Guid> users, DateTimeOffset since, DateTimeOffset until, TimeSpan? atLeast, CancellationToken ct)
    {
        var ranges = db.AvailabilityRanges.Where(r => users.Contains(r.UserId) && r.Start < until && since < r.End);
        if (atLeast is { } minimum)
            ranges = ranges.Where(r => r.End - r.Start >= minimum);
        return (from r in ranges
                join l in db.Locations on r.LocationId equals l.Id into ls
                from l in ls.DefaultIfEmpty()
                select new RangeRow(r.Id, r.UserId, r.Start, r.End, r.LocationId, l == null ? null : l.Name, l == null ? null : l.Address))
            .AsNoTracking().ToListAsync(ct);
    }

    public static Task<List<AppointmentRow>> Appointments(AppDbContext db, IQueryable<Guid> users, DateTimeOffset since, DateTimeOffset until, CancellationToken ct) =>
        (from a in db.Appointments
         where a.Status == AppointmentStatus.Planned && users.Contains(a.MainUserId!.Value) && a.Start < until && since < a.End
         join l in db.Locations on a.LocationId equals l.Id into ls
         from l in ls.DefaultIfEmpty()
         join d in db.Dossiers on a.DossierId equals d.Id
         select new AppointmentRow(a.Id, a.MainUserId!.Value, a.DossierId, a.Title, a.Start!.Value, a.End!.Value,
             l != null ? l.Address : a.Place != null ? a.Place : d.Address))
        .AsNoTracking().ToListAsync(ct);

    public static Task<List<ExternalRow>> External(AppDbContext db, IQueryable<Guid> users, DateTimeOffset since, DateTimeOffset until, CancellationToken ct) =>
        db.ExternalBusyTimes.Where(e => users.Contains(e.UserId) && e.Start < until && since < e.End)
            .Select(e => new ExternalRow(e.UserId, e.Start, e.End)).AsNoTracking().ToListAsync(ct);

    /// <summary>What blocks a new appointment at <paramref name="place"/>: planned appointments with the travel to and from them, and external busy times as they are.</summary>
    public static IEnumerable<Busy> Blocking(IEnumerable<AppointmentRow> appointments, IEnumerable<ExternalRow> external, Address? place, TimeSpan unknownTravel)
    {
        foreach (var a in appointments)
        {
            var travel = Geo.TravelBuffer(a.Where, place, unknownTravel);
            yield return new Busy(new Interval(a.Start, a.End), travel, travel);
        }
        foreach (var e in external)
            yield return new Busy(new Interval(e.Start, e.End), TimeSpan.Zero, TimeSpan.Zero);
    }
}
