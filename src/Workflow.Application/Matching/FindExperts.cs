using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Dossiers;
using Workflow.Application.Persistence;
using Workflow.Application.Skills;

namespace Workflow.Application.Matching;

public sealed record SlotDto(DateTimeOffset Start, DateTimeOffset End, Guid? LocationId, string? LocationName);

/// <summary>Why an expert ranks where they do: 100 minus each penalty (see docs/scheduling.md).</summary>
public sealed record ScoreParts(double Distance, double Earliness, double Workload);

public sealed record ExpertMatch(
    Guid UserId, string FullName, bool AlreadyAssigned, double Score, ScoreParts Penalties, double? DistanceKm,
    DateTimeOffset FirstSlot, int Workload, IReadOnlyList<string> MissingSkills, IReadOnlyList<SlotDto> Slots);

public static class FindExperts
{
    /// <summary>
    /// The experts who fit an appointment of a dossier: every required skill, a free slot of the
    /// duration in the period (inside a range, clear of appointments with travel and of external
    /// busy times), ranked by score; the expert already on the dossier first.
    /// </summary>
    public sealed record Query(Guid DossierId, DateTimeOffset From, DateTimeOffset To, int DurationMinutes, Guid? LocationId = null, Address? Place = null,
        IReadOnlyList<string>? ExtraSkills = null, int SlotsPerExpert = 3, int Limit = 20) : IQuery<IReadOnlyList<ExpertMatch>>, IOnDossier;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.DossierId).NotEmpty();
            RuleFor(q => q.To).GreaterThan(q => q.From).WithMessage("'to' must be after 'from'.");
            RuleFor(q => q).Must(q => q.To - q.From <= TimeSpan.FromDays(92)).WithName("to").WithMessage("Search at most three months at a time.");
            RuleFor(q => q.DurationMinutes).InclusiveBetween(5, 24 * 60);
            RuleFor(q => q.SlotsPerExpert).InclusiveBetween(1, 50);
            RuleFor(q => q.Limit).InclusiveBetween(1, 200);
            RuleFor(q => q.Place!).SetValidator(new AddressValidator()).When(q => q.Place is not null);
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, IReadOnlyList<ExpertMatch>>
    {
        public async Task<IReadOnlyList<ExpertMatch>> Handle(Query q, CancellationToken ct)
        {
            var dossier = await db.LoadVisible(q.DossierId, user, ct);
            var required = dossier.RequiredSkills.Union(await SkillCatalogue.RequireKnown(db, q.ExtraSkills ?? [], ct)).ToArray();
            var place = q.Place ?? (q.LocationId is { } l
                ? await db.Locations.Where(x => x.Id == l).Select(x => x.Address).SingleOrDefaultAsync(ct)
                  ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("locationId", "No location has this id.")])
                : dossier.Address);
            var assigned = dossier.Participants.FirstOrDefault(p => p.Kind == ParticipantKind.InternalUser && p.Role == "expert")?.UserId;
            var period = new Interval(q.From.ToUniversalTime(), q.To.ToUniversalTime());
            var duration = TimeSpan.FromMinutes(q.DurationMinutes);

            var experts = from u in db.Users
                          where db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Expert))
                          where required.All(s => u.Skills.Contains(s)) || u.Id == assigned
                          select u;
            // One query: the ranges of the period long enough for the appointment, with the expert they belong to
            // (the time index finds the ranges, the skills filter keeps the experts who fit).
            var earliest = period.Start - TimeSpan.FromDays(31);
            var rows = await (from r in db.AvailabilityRanges
                              where r.Start < period.End && r.Start > earliest && period.Start < r.End && r.End - r.Start >= duration
                              join u in experts on r.UserId equals u.Id
                              select new { r.Id, r.UserId, r.Start, r.End, r.LocationId, u.FullName, u.BaseAddress, u.Skills })
                .AsNoTracking().ToListAsync(ct);
            var locationIds = rows.Where(r => r.LocationId is not null).Select(r => r.LocationId!.Value).Distinct().ToList();
            var locations = await db.Locations.Where(l => locationIds.Contains(l.Id)).AsNoTracking().ToDictionaryAsync(l => l.Id, ct);
            var ranges = rows.Select(r => r.LocationId is { } l && locations.TryGetValue(l, out var at)
                    ? new RangeRow(r.Id, r.UserId, r.Start, r.End, l, at.Name, at.Address)
                    : new RangeRow(r.Id, r.UserId, r.Start, r.End, null, null, null))
                .ToLookup(r => r.UserId);
            var people = rows.DistinctBy(r => r.UserId).Select(r => new Candidate(r.UserId, r.FullName, r.BaseAddress, r.Skills)).ToList();

            // Best first, by a bound no agenda can beat (nearest range, earliest range, no workload): once
            // the list is full and the next bound is below the last score kept, nobody left can enter it.
            // Only the agendas of the experts looked at are read, which keeps large pools fast.
            var queue = people.Where(p => ranges[p.Id].Any())
                .Select(p => (Person: p, Bound: Bound(p, ranges[p.Id].ToList(), place, period)))
                .OrderByDescending(x => x.Person.Id == assigned).ThenByDescending(x => x.Bound).ToList();
            var matches = new List<ExpertMatch>();
            for (var i = 0; i < queue.Count; i += Batch)
            {
                var kept = matches.Where(m => !m.AlreadyAssigned).OrderByDescending(m => m.Score).ToList();
                if (kept.Count >= q.Limit && queue[i].Person.Id != assigned && queue[i].Bound < kept[q.Limit - 1].Score)
                    break;
                var batch = queue.Skip(i).Take(Batch).Select(x => x.Person).ToList();
                var batchIds = batch.Select(p => p.Id).ToList();
                var ids = db.Users.Where(u => batchIds.Contains(u.Id)).Select(u => u.Id);
                var margin = TimeSpan.FromHours(4);
                var appointments = (await AgendaData.Appointments(db, ids, period.Start - margin, period.End + margin, ct)).ToLookup(a => a.UserId);
                var external = (await AgendaData.External(db, ids, period.Start, period.End, ct)).ToLookup(e => e.UserId);
                foreach (var person in batch)
                {
                    var match = Match(person, ranges[person.Id].ToList(), appointments[person.Id].ToList(), external[person.Id], place, period, duration, q.SlotsPerExpert, required, assigned);
                    if (match is not null)
                        matches.Add(match);
                }
            }

            return matches.OrderByDescending(m => m.AlreadyAssigned).ThenByDescending(m => m.Score).ThenBy(m => m.FirstSlot).ThenBy(m => m.FullName)
                .Take(q.Limit).ToList();
        }

        private const int Batch = 64;

        private sealed record Candidate(Guid Id, string FullName, Address? BaseAddress, List<string> Skills);

        private static double Bound(Candidate person, List<RangeRow> ranges, Address? place, Interval period)
        {
            var nearest = ranges.Select(r => Geo.DistanceKm(r.LocationAddress ?? person.BaseAddress, place)).Min();
            var earliest = ranges.Min(r => r.Start) is var s && s > period.Start ? s : period.Start;
            return Scoring.Score(Scoring.Penalties(nearest, earliest - period.Start, 0));
        }

        private static ExpertMatch? Match(Candidate person, List<RangeRow> userRanges, List<AppointmentRow> appointments, IEnumerable<ExternalRow> external,
            Address? place, Interval period, TimeSpan duration, int slotsPerExpert, string[] required, Guid? assigned)
        {
            var busy = AgendaData.Blocking(appointments, external, place, Scoring.UnknownTravel).ToList();
            var slots = FreeSlots.Find(userRanges.Select(r => new Interval(r.Start, r.End)), busy, period, duration, Scoring.Step, slotsPerExpert);
            if (slots.Count == 0)
                return null;
            var firstRange = userRanges.First(r => r.Start <= slots[0].Start && slots[0].End <= r.End);
            var distance = Geo.DistanceKm(firstRange.LocationAddress ?? person.BaseAddress, place);
            var workload = appointments.Count(a => a.Start < period.End && period.Start < a.End);
            var penalties = Scoring.Penalties(distance, slots[0].Start - period.Start, workload);
            return new ExpertMatch(person.Id, person.FullName, person.Id == assigned, Scoring.Score(penalties), penalties, distance, slots[0].Start, workload,
                required.Except(person.Skills).ToList(), slots.Select(s => SlotAt(s, userRanges)).ToList());
        }

        private static SlotDto SlotAt(Interval slot, List<RangeRow> ranges)
        {
            var range = ranges.First(r => r.Start <= slot.Start && slot.End <= r.End);
            return new SlotDto(slot.Start, slot.End, range.LocationId, range.LocationName);
        }
    }
}

/// <summary>The documented ranking. Each penalty is capped so that one bad part cannot hide the others.</summary>
public static class Scoring
{
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan UnknownTravel = TimeSpan.FromMinutes(30);

    public static ScoreParts Penalties(double? distanceKm, TimeSpan untilFirstSlot, int workload) => new(
        Distance: Math.Round(Math.Min(distanceKm ?? 100, 200) * 0.2, 2),
        Earliness: Math.Round(Math.Min(untilFirstSlot.TotalHours, 14 * 24) * 0.1, 2),
        Workload: Math.Min(workload, 20) * 1.5);

    public static double Score(ScoreParts p) => Math.Round(100 - p.Distance - p.Earliness - p.Workload, 2);
}
