using Workflow.Application.Common;

namespace Workflow.Application.Availability;

/// <summary>A span of time, at a location, in which a user accepts appointments. A user's ranges never overlap (the database guarantees it).</summary>
public sealed class AvailabilityRange
{
    private AvailabilityRange() { }

    public AvailabilityRange(Guid userId, DateTimeOffset start, DateTimeOffset end, Guid? locationId)
    {
        if (end <= start)
            throw new DomainException("invalid-period", "An availability range ends after it starts.", unprocessable: true);
        Id = Guid.CreateVersion7();
        UserId = userId;
        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
        LocationId = locationId;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset Start { get; private set; }

    public DateTimeOffset End { get; private set; }

    public Guid? LocationId { get; private set; }

    public void Move(DateTimeOffset start, DateTimeOffset end, Guid? locationId)
    {
        if (end <= start)
            throw new DomainException("invalid-period", "An availability range ends after it starts.", unprocessable: true);
        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
        LocationId = locationId;
    }

    public bool Contains(DateTimeOffset start, DateTimeOffset end) => Start <= start && end <= End;
}
