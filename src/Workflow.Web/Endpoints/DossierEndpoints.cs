using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Locations;
using Workflow.Application.Scheduling;
using Workflow.Application.Tasks;
using Workflow.Web.Infrastructure;

namespace Workflow.Web.Endpoints;

public static class DossierEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var dossiers = app.MapGroup("/dossiers").WithTags("Dossiers").RequireAuthorization(Policies.Staff)
            .Refuses("dossier-closed", "user-required", "user-not-allowed");

        dossiers.MapGet("/", async Task<Ok<IReadOnlyList<DossierDto>>> (string? search, string? kind, string? status, bool? urgent, int? skip, int? take, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListDossiers.Query(search, kind, Enums.Parse<DossierStatus>(status, "status"), urgent, skip ?? 0, take ?? 50), ct)));

        dossiers.MapGet("/{id:guid}", async Task<Ok<DossierDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GetDossier.Query(id), ct)));

        dossiers.MapPost("/", async Task<Created<DossierDto>> (CreateDossier.Command command, IMediator m, CancellationToken ct) =>
        {
            var dossier = await m.Send(command, ct);
            return TypedResults.Created($"/dossiers/{dossier.Id}", dossier);
        }).RequireAuthorization(Policies.Planning);

        dossiers.MapPatch("/{id:guid}", async Task<Ok<DossierDto>> (Guid id, UpdateDossier.Command command, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(command with { DossierId = id }, ct))).RequireAuthorization(Policies.Planning);

        dossiers.MapPost("/{id:guid}/close", async Task<Ok<DossierDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new CloseDossier.Command(id), ct))).RequireAuthorization(Policies.Planning);

        dossiers.MapPost("/{id:guid}/participants", async Task<Created<ParticipantDto>> (Guid id, AddParticipant.Command command, IMediator m, CancellationToken ct) =>
        {
            var participant = await m.Send(command with { DossierId = id }, ct);
            return TypedResults.Created($"/dossiers/{id}/participants/{participant.Id}", participant);
        }).RequireAuthorization(Policies.Planning);

        dossiers.MapDelete("/{id:guid}/participants/{participantId:guid}", async Task<NoContent> (Guid id, Guid participantId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RemoveParticipant.Command(id, participantId), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Planning);

        dossiers.MapGet("/{id:guid}/tasks", async Task<Ok<IReadOnlyList<TaskDto>>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new DossierTasks.Query(id), ct)));

        dossiers.MapGet("/{id:guid}/appointments", async Task<Ok<ListDossierAppointments.Result>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListDossierAppointments.Query(id), ct)));

        var locations = app.MapGroup("/locations").WithTags("Locations").RequireAuthorization(Policies.Staff);
        locations.MapGet("/", async Task<Ok<IReadOnlyList<LocationDto>>> (string? search, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListLocations.Query(search), ct)));
        locations.MapPost("/", async Task<Created<LocationDto>> (CreateLocation.Command command, IMediator m, CancellationToken ct) =>
        {
            var location = await m.Send(command, ct);
            return TypedResults.Created($"/locations/{location.Id}", location);
        }).RequireAuthorization(Policies.Planning);
    }
}

internal static class Enums
{
    /// <summary>Query-string enums travel in kebab-case like everywhere else; an unknown word is a 400 naming the parameter.</summary>
    public static TEnum? Parse<TEnum>(string? value, string parameter) where TEnum : struct, Enum
    {
        if (value is null)
            return null;
        if (Enum.GetValues<TEnum>().Any(v => Kebab.Of(v) == value))
            return Kebab.Parse<TEnum>(value);
        throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(parameter,
            $"'{value}' is not one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(Kebab.Of))}.")]);
    }
}
