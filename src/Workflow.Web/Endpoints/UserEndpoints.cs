using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Application.Availability;
using Workflow.Application.Skills;
using Workflow.Application.Users;
using Workflow.Web.Infrastructure;

namespace Workflow.Web.Endpoints;

public static class UserEndpoints
{
    public sealed record AvailabilityRangeRequest(DateTimeOffset Start, DateTimeOffset End, Guid? LocationId);

    public static void Map(IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Staff)
            .Refuses("not-owner", "overlap", "invalid-period", "appointments-outside");

        users.MapGet("/", async Task<Ok<IReadOnlyList<UserSummary>>> (string? role, string? skills, string? search, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListUsers.Query(role, skills?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), search), ct)));

        users.MapGet("/{id:guid}", async Task<Ok<UserSummary>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GetUser.Query(id), ct)));

        users.MapPost("/", async Task<Created<UserSummary>> (CreateUser.Command command, IMediator m, CancellationToken ct) =>
        {
            var user = await m.Send(command, ct);
            return TypedResults.Created($"/users/{user.Id}", user);
        }).RequireAuthorization(Policies.Admin);

        users.MapPatch("/{id:guid}", async Task<Ok<UserSummary>> (Guid id, UpdateUser.Command command, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(command with { UserId = id }, ct))).RequireAuthorization(Policies.Admin);

        users.MapGet("/{id:guid}/availability", async Task<Ok<IReadOnlyList<AvailabilityRangeDto>>> (Guid id, DateTimeOffset from, DateTimeOffset to, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListAvailabilityRanges.Query(id, from, to), ct)));

        users.MapPost("/{id:guid}/availability", async Task<Created<AvailabilityRangeDto>> (Guid id, AvailabilityRangeRequest body, IMediator m, CancellationToken ct) =>
        {
            var range = await m.Send(new AddAvailabilityRange.Command(id, body.Start, body.End, body.LocationId), ct);
            return TypedResults.Created($"/users/{id}/availability/{range.Id}", range);
        });

        users.MapPut("/{id:guid}/availability/{rangeId:guid}", async Task<Ok<AvailabilityRangeDto>> (Guid id, Guid rangeId, AvailabilityRangeRequest body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new MoveAvailabilityRange.Command(id, rangeId, body.Start, body.End, body.LocationId), ct)));

        users.MapDelete("/{id:guid}/availability/{rangeId:guid}", async Task<NoContent> (Guid id, Guid rangeId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RemoveAvailabilityRange.Command(id, rangeId), ct);
            return TypedResults.NoContent();
        });

        var skills = app.MapGroup("/skills").WithTags("Skills").RequireAuthorization(Policies.Staff);
        skills.MapGet("/", async Task<Ok<IReadOnlyList<SkillDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListSkills.Query(), ct)));
        skills.MapPost("/", async Task<Created<SkillDto>> (CreateSkill.Command command, IMediator m, CancellationToken ct) =>
        {
            var skill = await m.Send(command, ct);
            return TypedResults.Created($"/skills/{skill.Code}", skill);
        }).RequireAuthorization(Policies.Admin);
    }
}
