namespace Workflow.Application.Calendars;

/// <summary>
/// A time a user is busy elsewhere (Outlook, Google, any iCalendar feed). Only the span is
/// kept, not what the event is: the planner needs to know the expert is busy, not why.
/// </summary>
public sealed class ExternalBusyTime
{
    private ExternalBusyTime() { }

    public ExternalBusyTime(Guid userId, Guid? feedId, DateTimeOffset start, DateTimeOffset end)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        FeedId = feedId;
        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public Guid? FeedId { get; private set; }

    public DateTimeOffset Start { get; private set; }

    public DateTimeOffset End { get; private set; }
}
