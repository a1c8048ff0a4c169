using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Application.Calendars;
using Workflow.Application.Notifications;
using Workflow.Web.Infrastructure;

namespace Workflow.Web.Endpoints;

/// <summary>External calendars in (feeds read for busy times) and out (each user's private feed of appointments); reminders.</summary>
public static class CalendarEndpoints
{
    public sealed record FeedRequest(string Url, string? Name);

    public sealed record PersonalFeedResponse(string Url);

    public static void Map(IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/users/{id:guid}/calendars").WithTags("Calendars").RequireAuthorization(Policies.Staff).Refuses("not-owner", "too-many-feeds");

        feeds.MapGet("/", async Task<Ok<IReadOnlyList<CalendarFeedDto>>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListCalendarFeeds.Query(id), ct)));

        feeds.MapPost("/", async Task<Created<CalendarFeedDto>> (Guid id, FeedRequest body, IMediator m, CancellationToken ct) =>
        {
            var feed = await m.Send(new AddCalendarFeed.Command(id, body.Url, body.Name), ct);
            return TypedResults.Created($"/users/{id}/calendars/{feed.Id}", feed);
        });

        feeds.MapDelete("/{feedId:guid}", async Task<NoContent> (Guid id, Guid feedId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RemoveCalendarFeed.Command(id, feedId), ct);
            return TypedResults.NoContent();
        });

        feeds.MapPost("/{feedId:guid}/sync", async Task<Ok<CalendarFeedDto>> (Guid id, Guid feedId, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new SyncCalendarFeed.Command(feedId), ct)));

        feeds.MapPost("/personal", async Task<Ok<PersonalFeedResponse>> (Guid id, HttpRequest request, IMediator m, CancellationToken ct) =>
        {
            var token = (await m.Send(new CreatePersonalFeed.Command(id), ct)).Token;
            return TypedResults.Ok(new PersonalFeedResponse($"{request.Scheme}://{request.Host}/calendar/{token}.ics"));
        });

        feeds.MapDelete("/personal", async Task<NoContent> (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RevokePersonalFeed.Command(id), ct);
            return TypedResults.NoContent();
        });

        // Calendar applications cannot sign in: the unguessable token in the address is the credential.
        app.MapGet("/calendar/{token}.ics", async (string token, IMediator m, CancellationToken ct) =>
                Results.Text(await m.Send(new ReadPersonalFeed.Query(token), ct), "text/calendar; charset=utf-8"))
            .WithTags("Calendars").AllowAnonymous()
            .Produces<string>(StatusCodes.Status200OK, "text/calendar");

        app.MapPost("/appointments/{id:guid}/remind", async Task<Ok<SendReminder.Result>> (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SendReminder.Command(id), ct)))
            .WithTags("Appointments").RequireAuthorization(Policies.Booking).Refuses("not-organiser");
    }
}
