using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;

namespace Workflow.Application.Availability;

public sealed record AvailabilityRangeDto(Guid Id, Guid UserId, DateTimeOffset Start, DateTimeOffset End, Guid? LocationId, string? LocationName);

internal static class AvailabilityAccess
{
    /// <summary>Users keep their own ranges; planners and admins keep anyone's.</summary>
    public static void EnsureMayManage(CurrentUser user, Guid owner)
    {
        if (user.Id != owner && !user.IsInAnyRole(Roles.Planner, Roles.Admin))
            throw new ForbiddenException("not-owner", "Only the user, a planner or an admin manages these availability ranges.");
    }
}

public static class AddAvailabilityRange
{
    public sealed record Command(Guid UserId, DateTimeOffset Start, DateTimeOffset End, Guid? LocationId) : ICommand<AvailabilityRangeDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserId).NotEmpty();
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
            if (!await db.Users.AnyAsync(u => u.Id == command.UserId, cancellationToken))
                throw new NotFoundException("User", command.UserId);
            string? locationName = null;
            if (command.LocationId is { } locationId)
                locationName = await db.Locations.Where(l => l.Id == locationId).Select(l => l.Name).SingleOrDefaultAsync(cancellationToken)
                               ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("locationId", "No location has this id.")]);

            var range = new AvailabilityRange(command.UserId, command.Start, command.End, command.LocationId);
            if (await db.AvailabilityRanges.AnyAsync(r => r.UserId == range.UserId && r.Start < range.End && range.Start < r.End, cancellationToken))
                throw new DomainException("overlap", "The user already has an availability range at that time.");
            db.AvailabilityRanges.Add(range);
            return new AvailabilityRangeDto(range.Id, range.UserId, range.Start, range.End, range.LocationId, locationName);
        }
    }
}

public static class RemoveAvailabilityRange
{
    public sealed record Command(Guid UserId, Guid RangeId) : ICommand<MediatR.Unit>;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            AvailabilityAccess.EnsureMayManage(user, command.UserId);
            var range = await db.AvailabilityRanges.SingleOrDefaultAsync(r => r.Id == command.RangeId && r.UserId == command.UserId, cancellationToken)
                        ?? throw new NotFoundException("Availability range", command.RangeId);
            db.AvailabilityRanges.Remove(range);
            return MediatR.Unit.Value;
        }
    }
}

public static class ListAvailabilityRanges
{
    public sealed record Query(Guid UserId, DateTimeOffset From, DateTimeOffset To) : IQuery<IReadOnlyList<AvailabilityRangeDto>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.To).GreaterThan(q => q.From).WithMessage("'to' must be after 'from'.");
            RuleFor(q => q).Must(q => q.To - q.From <= TimeSpan.FromDays(366)).WithName("to").WithMessage("Ask for at most one year at a time.");
        }
    }

    internal sealed class Handler(AppDbContext db) : MediatR.IRequestHandler<Query, IReadOnlyList<AvailabilityRangeDto>>
    {
        public async Task<IReadOnlyList<AvailabilityRangeDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!await db.Users.AnyAsync(u => u.Id == query.UserId, cancellationToken))
                throw new NotFoundException("User", query.UserId);
            var since = query.From.ToUniversalTime();
            var until = query.To.ToUniversalTime();
            return await (from r in db.AvailabilityRanges
                          where r.UserId == query.UserId && r.Start < until && since < r.End
                          join l in db.Locations on r.LocationId equals l.Id into ls
                          from l in ls.DefaultIfEmpty()
                          orderby r.Start
                          select new AvailabilityRangeDto(r.Id, r.UserId, r.Start, r.End, r.LocationId, l == null ? null : l.Name))
                .ToListAsync(cancellationToken);
        }
    }
}
