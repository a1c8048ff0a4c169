using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;

namespace Workflow.Application.Calendars;

public sealed record CalendarFeedDto(Guid Id, Guid UserId, string Name, string Url, FeedStatus Status, DateTimeOffset? LastAttemptAt, DateTimeOffset? LastSuccessAt, string? LastError, int BusyCount, string? LastWarning)
{
    public static CalendarFeedDto From(CalendarFeed f) => new(f.Id, f.UserId, f.Name, f.Url, f.Status, f.LastAttemptAt, f.LastSuccessAt, f.LastError, f.BusyCount, f.LastWarning);
}

internal static class FeedAccess
{
    /// <summary>A user's external calendars are theirs: only they and admins see or change them (their addresses may hold secrets).</summary>
    public static void EnsureOwner(CurrentUser user, Guid owner)
    {
        if (user.Id != owner && !user.IsAdmin)
            throw new ForbiddenException("not-owner", "Only the user or an admin manages these calendars.");
    }

    /// <summary>The owner's check, then the user must exist: an admin naming an unknown user gets 404, not an empty list or a constraint's name.</summary>
    public static async Task EnsureOwnerExists(AppDbContext db, CurrentUser user, Guid owner, CancellationToken ct)
    {
        EnsureOwner(user, owner);
        if (!await db.Users.AnyAsync(u => u.Id == owner, ct))
            throw new NotFoundException("User", owner);
    }
}

public static class AddCalendarFeed
{
    public sealed record Command(Guid UserId, string Url, string? Name = null) : ICommand<CalendarFeedDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserId).NotEmpty();
            RuleFor(c => c.Url).NotEmpty().MaximumLength(2000).Must(HttpFeedFetcher.IsAcceptableUrl)
                .WithMessage("Give the calendar's http, https or webcal address.");
            RuleFor(c => c.Name).MaximumLength(200);
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, CalendarFeedDto>
    {
        public async Task<CalendarFeedDto> Handle(Command command, CancellationToken ct)
        {
            FeedAccess.EnsureOwner(user, command.UserId);
            if (!await db.Users.AnyAsync(u => u.Id == command.UserId, ct))
                throw new NotFoundException("User", command.UserId);
            if (await db.CalendarFeeds.CountAsync(f => f.UserId == command.UserId, ct) >= 10)
                throw new DomainException("too-many-feeds", "A user keeps at most 10 external calendars.");
            var feed = new CalendarFeed(command.UserId, command.Url.Trim(), command.Name?.Trim() ?? HttpFeedFetcher.Normalise(command.Url).Host, clock.GetUtcNow());
            db.CalendarFeeds.Add(feed);
            return CalendarFeedDto.From(feed);
        }
    }
}

public static class RemoveCalendarFeed
{
    public sealed record Command(Guid UserId, Guid FeedId) : ICommand<MediatR.Unit>;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command command, CancellationToken ct)
        {
            FeedAccess.EnsureOwner(user, command.UserId);
            var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.Id == command.FeedId && f.UserId == command.UserId, ct)
                       ?? throw new NotFoundException("Calendar feed", command.FeedId);
            await db.ExternalBusyTimes.Where(b => b.FeedId == feed.Id).ExecuteDeleteAsync(ct);
            db.CalendarFeeds.Remove(feed);
            return MediatR.Unit.Value;
        }
    }
}

public static class ListCalendarFeeds
{
    public sealed record Query(Guid UserId) : IQuery<IReadOnlyList<CalendarFeedDto>>;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, IReadOnlyList<CalendarFeedDto>>
    {
        public async Task<IReadOnlyList<CalendarFeedDto>> Handle(Query query, CancellationToken ct)
        {
            await FeedAccess.EnsureOwnerExists(db, user, query.UserId, ct);
            var feeds = await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == query.UserId).OrderBy(f => f.CreatedAt).ToListAsync(ct);
            return feeds.Select(CalendarFeedDto.From).ToList();
        }
    }
}

public static class SyncCalendarFeed
{
    /// <summary>Reads one feed now and replaces its busy times (from a week ago to six months ahead).</summary>
    public sealed record Command(Guid FeedId) : ICommand<CalendarFeedDto>;

    internal sealed class Handler(AppDbContext db, CurrentUser user, IFeedFetcher fetcher, TimeProvider clock, ILogger<Handler> logger) : MediatR.IRequestHandler<Command, CalendarFeedDto>
    {
        public async Task<CalendarFeedDto> Handle(Command command, CancellationToken ct)
        {
            var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.Id == command.FeedId, ct) ?? throw new NotFoundException("Calendar feed", command.FeedId);
            if (user.IsAuthenticated)
                FeedAccess.EnsureOwner(user, feed.UserId);
            var zone = await db.Users.Where(u => u.Id == feed.UserId).Select(u => u.TimeZone).SingleAsync(ct);
            var now = clock.GetUtcNow();
            try
            {
                var text = await fetcher.Fetch(feed.Url, ct);
                var busy = BusyTimeReader.Read(text, now.AddDays(-7), now.AddDays(183), TimeZoneInfo.FindSystemTimeZoneById(zone));
                await db.ExternalBusyTimes.Where(b => b.FeedId == feed.Id).ExecuteDeleteAsync(ct);
                db.ExternalBusyTimes.AddRange(busy.Spans.Select(b => new ExternalBusyTime(feed.UserId, feed.Id, b.Start, b.End)));
                feed.Succeeded(busy.Spans.Count, busy.Warnings, now);
                if (busy.Warnings.Count > 0)
                    logger.LogInformation("Calendar feed {Feed} of user {User} read with warnings: {Warnings}", feed.Id, feed.UserId, string.Join(" ", busy.Warnings));
            }
            catch (Exception ex) when (ex is FeedFetchException or FormatException or OverflowException or ArgumentException)
            {
                logger.LogWarning("Calendar feed {Feed} of user {User} failed: {Error}", feed.Id, feed.UserId, ex.Message);
                feed.Failed(ex.Message, now);
            }
            return CalendarFeedDto.From(feed);
        }
    }
}
