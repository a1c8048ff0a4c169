using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;

namespace Workflow.Application.Locations;

public enum LocationKind { Office, Home, Other }

/// <summary>A place where appointments happen (an office such as "Gembloux", a home, elsewhere).</summary>
public sealed class Location
{
    private Location() { }

    public Location(string name, Address address, LocationKind kind)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        Address = address;
        Kind = kind;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public Address Address { get; private set; } = null!;

    public LocationKind Kind { get; private set; }
}

public sealed record LocationDto(Guid Id, string Name, Address Address, LocationKind Kind);

public static class CreateLocation
{
    public sealed record Command(string Name, Address Address, LocationKind Kind) : ICommand<LocationDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Address).NotNull().SetValidator(new AddressValidator());
            RuleFor(c => c.Kind).IsInEnum();
        }
    }

    internal sealed class Handler(AppDbContext db) : MediatR.IRequestHandler<Command, LocationDto>
    {
        public Task<LocationDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var location = new Location(command.Name.Trim(), command.Address, command.Kind);
            db.Locations.Add(location);
            return Task.FromResult(new LocationDto(location.Id, location.Name, location.Address, location.Kind));
        }
    }
}

public static class ListLocations
{
    public sealed record Query(string? Search = null) : IQuery<IReadOnlyList<LocationDto>>;

    internal sealed class Handler(AppDbContext db) : MediatR.IRequestHandler<Query, IReadOnlyList<LocationDto>>
    {
        public async Task<IReadOnlyList<LocationDto>> Handle(Query query, CancellationToken cancellationToken)
        {
            var locations = db.Locations.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Search))
                locations = locations.Where(l => EF.Functions.ILike(l.Name, $"%{query.Search.Trim()}%"));
            return await locations.OrderBy(l => l.Name).Take(500)
                .Select(l => new LocationDto(l.Id, l.Name, l.Address, l.Kind)).ToListAsync(cancellationToken);
        }
    }
}
