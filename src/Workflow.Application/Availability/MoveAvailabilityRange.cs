using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Application.Scheduling;

namespace Workflow.Application.Availability;

/// <summary>
/// Moves or resizes a range (and may change its location). The same rules as adding one hold: it ends after it
/// starts, lasts at most 31 days and overlaps none of the user's other ranges (the exclusion constraint decides
/// between concurrent changes). Besides, a planned appointment of the user that lies inside the range must
/// stay inside one of the user's ranges: the move is refused rather than leave it outside (docs/scheduling.md).
/// </summary>
public static class MoveAvailabilityRange
{
    public sealed record Command(Guid UserId, Guid RangeId, DateTimeOffset Start, DateTimeOffset End, Guid? LocationId) : ICommand<AvailabilityRangeDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserId).NotEmpty();
            RuleFor(c => c.RangeId).NotEmpty();
            RuleFor(c => c.Start).NotEmpty();
            RuleFor(c => c.End).NotEmpty().GreaterThan(c => c.Start).WithMessage("'end' must be after 'start'.");
            RuleFor(c => c).Must(c => c.End - c.Start <= TimeSpan.FromDays(31)).WithName("end")
                .WithMessage("An availability range lasts at most 31 days.");
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Command, AvailabilityRangeDto>
    {
        public async Task<AvailabilityRangeDto> Handle(Command command, CancellationToken cancellationToken)
        {
            AvailabilityAccess.EnsureMayManage(user, command.UserId);
            var range = await db.AvailabilityRanges.SingleOrDefaultAsync(r => r.Id == command.RangeId && r.UserId == command.UserId, cancellationToken)
                        ?? throw new NotFoundException("Availability range", command.RangeId);
            string? locationName = null;
            if (command.LocationId is { } locationId)
                locationName = await db.Locations.Where(l => l.Id == locationId).Select(l => l.Name).SingleOrDefaultAsync(cancellationToken)
                               ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("locationId", "No location has this id.")]);

            var (start, end) = (command.Start.ToUniversalTime(), command.End.ToUniversalTime());
            if (await db.AvailabilityRanges.AnyAsync(r => r.UserId == range.UserId && r.Id != range.Id && r.Start < end && start < r.End, cancellationToken))
                throw new DomainException("overlap", "The user already has an availability range at that time.");

            var (oldStart, oldEnd) = (range.Start, range.End);
            var others = await db.AvailabilityRanges.Where(r => r.UserId == range.UserId && r.Id != range.Id).Select(r => new { r.Start, r.End })
                .ToListAsync(cancellationToken);
            var stranded = await db.Appointments
                .Where(a => a.MainUserId == range.UserId && a.Status == AppointmentStatus.Planned && a.Start != null && a.End != null
                            && oldStart <= a.Start && a.End <= oldEnd && !(start <= a.Start && a.End <= end))
                .Select(a => new { Start = a.Start!.Value, End = a.End!.Value }).ToListAsync(cancellationToken);
            var outside = stranded.Where(a => !others.Any(r => r.Start <= a.Start && a.End <= r.End)).ToList();
            if (outside.Count > 0)
                throw new DomainException("appointments-outside",
                    $"{outside.Count} planned appointment(s) in this range would fall outside the user's availability (the first at {outside.Min(a => a.Start):u}). Move or cancel them first.");

            range.Move(start, end, command.LocationId);
            return new AvailabilityRangeDto(range.Id, range.UserId, range.Start, range.End, range.LocationId, locationName);
        }
    }
}
