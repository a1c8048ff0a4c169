using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Application.Agendas;
using Workflow.Application.Matching;
using Workflow.Application.Scheduling;
using Workflow.Web.Infrastructure;

namespace Workflow.Web.Endpoints;

/// <summary>What the planning screen calls: the experts who fit, agendas side by side, assigning and booking.</summary>
public static class PlanningEndpoints
{
    public sealed record AssignExpertRequest(Guid ExpertId, Guid? AppointmentId);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/dossiers/{id:guid}/experts", async Task<Ok<IReadOnlyList<ExpertMatch>>> (Guid id, DateTimeOffset from, DateTimeOffset to, int duration,
                Guid? locationId, string? skills, int? slots, int? limit, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new FindExperts.Query(id, from, to, duration, locationId, null,
                skills?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), slots ?? 3, limit ?? 20), ct)))
            .WithTags("Planning").RequireAuthorization(Policies.Booking);

        app.MapPost("/dossiers/{id:guid}/expert", async Task<Ok<AssignExpert.Result>> (Guid id, AssignExpertRequest body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new AssignExpert.Command(id, body.ExpertId, body.AppointmentId), ct)))
            .WithTags("Planning").RequireAuthorization(Policies.Planning).Refuses("not-an-expert").Refuses(AppointmentEndpoints.Booking);

        app.MapGet("/agendas", async Task<Ok<IReadOnlyList<UserAgenda>>> (string users, DateTimeOffset from, DateTimeOffset to, bool? availability, bool? external,
                int? slotMinutes, double? latitude, double? longitude, IMediator m, CancellationToken ct) =>
            {
                var ids = users.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select((u, i) => Guid.TryParse(u, out var g) ? g : throw new FluentValidation.ValidationException(
                        [new FluentValidation.Results.ValidationFailure($"users[{i}]", $"'{u}' is not a user id.")])).ToList();
                var place = latitude is { } lat && longitude is { } lon ? new Workflow.Application.Common.Address("", lat, lon) : null;
                return TypedResults.Ok(await m.Send(new GetAgendas.Query(ids, from, to, availability ?? true, external ?? true, slotMinutes, place), ct));
            })
            .WithTags("Planning").RequireAuthorization(Policies.Staff);

        app.MapPost("/appointments/book", async Task<Created<AppointmentDto>> (BookAppointment.Command command, IMediator m, CancellationToken ct) =>
            {
                var appointment = await m.Send(command, ct);
                return TypedResults.Created($"/appointments/{appointment.Id}", appointment);
            })
            .WithTags("Appointments").RequireAuthorization(Policies.Booking).Refuses(AppointmentEndpoints.Booking);

        app.MapDelete("/appointments/{id:guid}", async Task<NoContent> (Guid id, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DeleteAppointment.Command(id), ct);
                return TypedResults.NoContent();
            })
            .WithTags("Appointments").RequireAuthorization(Policies.Booking).Refuses("illegal-status-change", "not-organiser");
    }
}
