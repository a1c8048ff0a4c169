using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Application.Invitations;
using Workflow.Application.Scheduling;
using Workflow.Web.Infrastructure;

namespace Workflow.Web.Endpoints;

public static class AppointmentEndpoints
{
    public sealed record PlanRequest(Guid MainUserId, DateTimeOffset Start, DateTimeOffset End);

    public sealed record RescheduleRequest(DateTimeOffset Start, DateTimeOffset End, Guid? MainUserId);

    public sealed record CancelRequest(string Reason);

    public sealed record PartiesRequest(IReadOnlyList<Guid> ParticipantIds, IReadOnlyList<Guid> UserIds);

    public sealed record AnswerRequest(InvitationReply Answer, string? Comment);

    /// <summary>What planning, booking and changing an appointment can meet.</summary>
    internal static readonly string[] Booking =
    [
        "overlap", "outside-availability", "busy-elsewhere", "not-entitled", "dossier-closed", "illegal-status-change", "not-started",
        "invalid-period", "too-long", "not-organiser", "not-on-dossier", "not-own-agenda",
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        var appointments = app.MapGroup("/appointments").WithTags("Appointments").RequireAuthorization(Policies.Staff).Refuses(Booking);

        appointments.MapPost("/", async Task<Created<AppointmentDto>> (CreateAppointment.Command command, IMediator m, CancellationToken ct) =>
        {
            var appointment = await m.Send(command, ct);
            return TypedResults.Created($"/appointments/{appointment.Id}", appointment);
        }).RequireAuthorization(Policies.Booking);

        appointments.MapGet("/{id:guid}", async Task<Ok<AppointmentDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GetAppointment.Query(id), ct)));

        appointments.MapPost("/{id:guid}/plan", async Task<Ok<AppointmentDto>> (Guid id, PlanRequest body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new PlanAppointment.Command(id, body.MainUserId, body.Start, body.End), ct))).RequireAuthorization(Policies.Booking);

        appointments.MapPost("/{id:guid}/reschedule", async Task<Ok<AppointmentDto>> (Guid id, RescheduleRequest body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new RescheduleAppointment.Command(id, body.Start, body.End, body.MainUserId), ct))).RequireAuthorization(Policies.Booking);

        appointments.MapPost("/{id:guid}/cancel", async Task<Ok<AppointmentDto>> (Guid id, CancelRequest body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new CancelAppointment.Command(id, body.Reason), ct))).RequireAuthorization(Policies.Booking);

        appointments.MapPost("/{id:guid}/done", async Task<Ok<AppointmentDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new MarkAppointmentDone.Command(id), ct))).RequireAuthorization(Policies.Booking);

        appointments.MapPut("/{id:guid}/parties", async Task<Ok<AppointmentDto>> (Guid id, PartiesRequest body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new SetAppointmentParties.Command(id, body.ParticipantIds, body.UserIds), ct))).RequireAuthorization(Policies.Booking);

        appointments.MapPost("/{id:guid}/invite", async Task<Ok<AppointmentDto>> (Guid id, PartiesRequest body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new InviteParticipants.Command(id, body.ParticipantIds, body.UserIds), ct))).RequireAuthorization(Policies.Booking);

        var invitations = app.MapGroup("/invitations").WithTags("Invitations").RequireAuthorization(Policies.Staff)
            .Refuses("not-invitee", "appointment-not-planned", "invalid-answer");

        invitations.MapGet("/mine", async Task<Ok<IReadOnlyList<MyInvitationDto>>> (string? status, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new MyInvitations.Query(status == "all" ? null : Enums.Parse<InvitationStatus>(status, "status") ?? InvitationStatus.Pending), ct)));

        invitations.MapGet("/mine/count", async Task<Ok<PendingInvitationCount.Result>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new PendingInvitationCount.Query(), ct)));

        invitations.MapPost("/{id:guid}/answer", async Task<Ok<InvitationDto>> (Guid id, AnswerRequest body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new AnswerInvitation.Command(id, (InvitationStatus)body.Answer, body.Comment), ct)));
    }
}
