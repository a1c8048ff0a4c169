using System.Text.Json.Nodes;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Application.Tasks;
using Workflow.Web.Infrastructure;

namespace Workflow.Web.Endpoints;

public static class TaskEndpoints
{
    public sealed record CompleteRequest(JsonObject? Data);

    public sealed record CancelRequest(string Reason);

    public static void Map(IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/tasks").WithTags("Tasks").RequireAuthorization(Policies.Staff)
            .Refuses("illegal-status-change", "already-assigned", "not-candidate", "not-held", "not-holder", "form-required", "nobody-to-do-it", "dossier-closed");

        tasks.MapGet("/mine", async Task<Ok<IReadOnlyList<TaskDto>>> (bool? includeFinished, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new MyTasks.Query(includeFinished ?? false), ct)));

        tasks.MapGet("/{id:guid}", async Task<Ok<TaskDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GetTask.Query(id), ct)));

        tasks.MapPost("/", async Task<Created<TaskDto>> (CreateTask.Command command, IMediator m, CancellationToken ct) =>
        {
            // Workflow origin is for the engine only: a task made through the API is manual.
            var task = await m.Send(command with { WorkflowInstanceId = null, WorkflowElementId = null }, ct);
            return TypedResults.Created($"/tasks/{task.Id}", task);
        }).RequireAuthorization(Policies.Planning);

        tasks.MapPost("/{id:guid}/claim", async Task<Ok<TaskDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ClaimTask.Command(id), ct)));

        tasks.MapPost("/{id:guid}/release", async Task<Ok<TaskDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ReleaseTask.Command(id), ct)));

        tasks.MapPost("/{id:guid}/complete", async Task<Ok<TaskDto>> (Guid id, CompleteRequest? body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new CompleteTask.Command(id, body?.Data, RefuseFormTasks: true), ct)));

        tasks.MapPost("/{id:guid}/cancel", async Task<Ok<TaskDto>> (Guid id, CancelRequest body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new CancelTask.Command(id, body.Reason), ct))).RequireAuthorization(Policies.Planning);
    }
}
