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
    /// <summary>A range lasts at most 31 days: bounding its start lets the (user, start) index do all the work.</summary>
    public static async Task<List<RangeRow>> Ranges(AppDbContext db, IQueryable<Guid> users, DateTimeOffset since, DateTimeOffset until, TimeSpan? atLeast, CancellationToken ct)
    {
        var earliest = since - TimeSpan.FromDays(31);
        var ranges = db.AvailabilityRanges.Where(r => users.Contains(r.UserId) && r.Start < until && r.Start > earliest && since < r.End);
        if (atLeast is { } minimum)
            ranges = ranges.Where(r => r.End - r.Start >= minimum);
        var rows = await ranges.Select(r => new { r.Id, r.UserId, r.Start, r.End, r.LocationId }).AsNoTracking().ToListAsync(ct);
        var locationIds = rows.Where(r => r.LocationId is not null).Select(r => r.LocationId!.Value).Distinct().ToList();
        var locations = await db.Locations.Where(l => locationIds.Contains(l.Id)).AsNoTracking().ToDictionaryAsync(l => l.Id, ct);
        return rows.Select(r => r.LocationId is { } l && locations.TryGetValue(l, out var location)
            ? new RangeRow(r.Id, r.UserId, r.Start, r.End, l, location.Name, location.Address)
            : new RangeRow(r.Id, r.UserId, r.Start, r.End, null, null, null)).ToList();
    }

    /// <summary>
    /// Planned appointments, read as plain columns (an appointment lasts at most a day, which bounds
    /// the index scan); where each takes place is resolved after: its location, else its place, else the dossier's address.
    /// </summary>
    public static async Task<List<AppointmentRow>> Appointments(AppDbContext db, IQueryable<Guid> users, DateTimeOffset since, DateTimeOffset until, CancellationToken ct)
    {
        var earliest = since - Appointment.LongestDuration;
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Planned && users.Contains(a.MainUserId!.Value) && a.Start < until && a.Start > earliest && since < a.End)
            .Select(a => new { a.Id, MainUserId = a.MainUserId!.Value, a.DossierId, a.Title, Start = a.Start!.Value, End = a.End!.Value, a.LocationId, a.Place })
            .ToListAsync(ct);
        var locationIds = rows.Where(r => r.LocationId is not null).Select(r => r.LocationId!.Value).Distinct().ToList();
        var locations = await db.Locations.Where(l => locationIds.Contains(l.Id)).AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Address, ct);
        var dossierIds = rows.Where(r => r.LocationId is null && r.Place is null).Select(r => r.DossierId).Distinct().ToList();
        var dossiers = await db.Dossiers.Where(d => dossierIds.Contains(d.Id)).AsNoTracking().Select(d => new { d.Id, d.Address }).ToDictionaryAsync(d => d.Id, d => d.Address, ct);
        return rows.Select(r => new AppointmentRow(r.Id, r.MainUserId, r.DossierId, r.Title, r.Start, r.End,
            r.LocationId is { } l && locations.TryGetValue(l, out var at) ? at : r.Place ?? dossiers.GetValueOrDefault(r.DossierId))).ToList();
    }

    /// <summary>External busy times are not bounded in length: a year back covers any leave.</summary>
    public static Task<List<ExternalRow>> External(AppDbContext db, IQueryable<Guid> users, DateTimeOffset since, DateTimeOffset until, CancellationToken ct)
    {
        var earliest = since - TimeSpan.FromDays(366);
        return db.ExternalBusyTimes.Where(e => users.Contains(e.UserId) && e.Start < until && e.Start > earliest && since < e.End)
            .Select(e => new ExternalRow(e.UserId, e.Start, e.End)).AsNoTracking().ToListAsync(ct);
    }

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
