using System.Text.Json.Nodes;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Application.FormDefinitions;
using Workflow.Application.Tasks;
using Workflow.Web.Infrastructure;

namespace Workflow.Web.Endpoints;

/// <summary>Form definitions (versioned Form.io schemas) and the form of a task: read, save a draft, submit.</summary>
public static class FormEndpoints
{
    public sealed record ImportRequest(JsonObject? Schema);

    public sealed record FormDataRequest(JsonObject? Data);

    public static void Map(IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/forms").WithTags("Forms").RequireAuthorization(Policies.Staff).Refuses("malformed-form");

        forms.MapGet("/", async Task<Ok<IReadOnlyList<FormSummary>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListForms.Query(), ct)));

        forms.MapGet("/{key}", async Task<Ok<FormVersionSchema>> (string key, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GetFormVersion.Query(key), ct)));

        forms.MapGet("/{key}/versions", async Task<Ok<IReadOnlyList<FormVersionDto>>> (string key, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new FormVersions.Query(key), ct)));

        forms.MapGet("/{key}/versions/{version:int}", async Task<Ok<FormVersionSchema>> (string key, int version, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GetFormVersion.Query(key, version), ct)));

        forms.MapPost("/{key}/versions", async Task<Results<Created<ImportForm.Result>, Ok<ImportForm.Result>>> (string key, ImportRequest body, IMediator m, CancellationToken ct) =>
        {
            var result = await m.Send(new ImportForm.Command(key, body.Schema), ct);
            return result.Created
                ? TypedResults.Created($"/forms/{key}/versions/{result.Form.Version}", result)
                : TypedResults.Ok(result);
        }).RequireAuthorization(Policies.Design);

        // Submitting a planning step books its appointment: the booking's refusals too.
        var taskForms = app.MapGroup("/tasks/{id:guid}/form").WithTags("Tasks").RequireAuthorization(Policies.Staff)
            .Refuses("no-form", "illegal-status-change", "not-assignee", "not-candidate", "already-assigned", "invalid-submission").Refuses(AppointmentEndpoints.Booking);

        taskForms.MapGet("/", async Task<Ok<TaskFormView>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GetTaskForm.Query(id), ct)));

        taskForms.MapPut("/draft", async Task<Ok<TaskFormView>> (Guid id, FormDataRequest body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new SaveTaskDraft.Command(id, body.Data), ct)));

        taskForms.MapPost("/submit", async Task<Ok<TaskDto>> (Guid id, FormDataRequest body, HttpRequest request, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new SubmitTaskForm.Command(id, body.Data, Language(request)), ct)));
    }

    private static string Language(HttpRequest request) =>
        request.Headers.AcceptLanguage.ToString().StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? "fr" : "en";
}
