using FluentValidation;

namespace Workflow.Application.Common;

/// <summary>A postal address with optional coordinates (WGS 84), so it can be drawn on a map and measured.</summary>
public sealed record Address(string Text, double? Latitude, double? Longitude)
{
    public bool IsGeolocated => Latitude is not null && Longitude is not null;
}

public sealed class AddressValidator : AbstractValidator<Address>
{
    public AddressValidator()
    {
        RuleFor(a => a.Text).NotEmpty().MaximumLength(500);
        RuleFor(a => a.Latitude).InclusiveBetween(-90, 90);
        RuleFor(a => a.Longitude).InclusiveBetween(-180, 180);
        RuleFor(a => a).Must(a => (a.Latitude is null) == (a.Longitude is null))
            .WithName("latitude")
            .WithMessage("Latitude and longitude go together: give both or neither.");
    }
}
