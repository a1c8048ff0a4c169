using System.Text.Json.Nodes;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Application.Workflows;
using Workflow.Engine.Model;
using Workflow.Engine.State;
using Workflow.Web.Infrastructure;

namespace Workflow.Web.Endpoints;

/// <summary>Definitions are for designers and admins, migration for admins; staff read the instances of the dossiers they see.</summary>
public static class WorkflowEndpoints
{
    public sealed record DeployRequest(string Xml, bool Publish = false);

    public sealed record StartRequest(Guid? DossierId, int? Version, JsonObject? Variables);

    public sealed record MigrateRequest(int FromVersion, int ToVersion, Dictionary<string, string>? Mapping, List<Guid>? InstanceIds, bool DryRun = false);

    public sealed record CancelRequest(string Reason);

    public sealed record SkipRequest(JsonObject? Variables);

    public static void Map(IEndpointRouteBuilder app)
    {
        var definitions = app.MapGroup("/workflows/definitions").WithTags("Workflow definitions").RequireAuthorization(Policies.Design)
            .Refuses("invalid-definition", "already-published", "not-published", "unreadable-definition");

        definitions.MapPost("/", async Task<Results<Created<DefinitionDto>, Ok<DefinitionDto>>> (DeployRequest body, IMediator m, CancellationToken ct) =>
        {
            var result = await m.Send(new DeployDefinition.Command(body.Xml, body.Publish), ct);
            return result.Created
                ? TypedResults.Created($"/workflows/definitions/{result.Definition.Key}/versions/{result.Definition.Version}/xml", result.Definition)
                : TypedResults.Ok(result.Definition);
        });

        definitions.MapGet("/", async Task<Ok<IReadOnlyList<ListDefinitions.Item>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListDefinitions.Query(), ct)));

        definitions.MapGet("/{key}/versions", async Task<Ok<IReadOnlyList<DefinitionDto>>> (string key, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new DefinitionHistory.Query(key), ct)));

        definitions.MapGet("/{key}/versions/{version:int}/xml", async Task<ContentHttpResult> (string key, int version, IMediator m, CancellationToken ct) =>
            TypedResults.Text(await m.Send(new ExportDefinition.Query(key, version), ct), "application/xml"))
            .Produces<string>(StatusCodes.Status200OK, "application/xml");

        definitions.MapPost("/{key}/versions/{version:int}/publish", async Task<Ok<DefinitionDto>> (string key, int version, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new PublishDefinition.Command(key, version), ct)));

        definitions.MapPost("/{key}/versions/{version:int}/unpublish", async Task<Ok<DefinitionDto>> (string key, int version, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new UnpublishDefinition.Command(key, version), ct)));

        definitions.MapPost("/{key}/versions/{version:int}/revert", async Task<Created<DefinitionDto>> (string key, int version, IMediator m, CancellationToken ct) =>
        {
            var draft = await m.Send(new RevertDefinition.Command(key, version), ct);
            return TypedResults.Created($"/workflows/definitions/{key}/versions/{draft.Version}/xml", draft);
        });

        definitions.MapGet("/{key}/diff", async Task<Ok<DefinitionDiff>> (string key, int from, int to, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new DiffDefinitions.Query(key, from, to), ct)));

        // What the designer needs: the names a definition may use, and the descriptor bpmn-js keeps our extension with.
        var design = app.MapGroup("/workflows").WithTags("Workflow designer").RequireAuthorization(Policies.Design);

        design.MapGet("/catalogue", async Task<Ok<DesignerCatalogue.Result>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new DesignerCatalogue.Query(), ct)));

        design.MapGet("/moddle.json", () => TypedResults.Text(Engine.Reading.ModdleDescriptor.Json, "application/json"))
            .Produces<JsonObject>(StatusCodes.Status200OK, "application/json");

        // Starting and migrating sit beside the designers' group: a policy on the group would add to theirs.
        var operations = app.MapGroup("/workflows/definitions").WithTags("Workflow definitions")
            .Refuses("migration-invalid", "not-published", "unreadable-definition", "dossier-closed").Refuses(Workflow.Application.Common.Reasons.Engine);

        operations.MapPost("/{key}/start", async Task<Created<InstanceSummary>> (string key, StartRequest body, IMediator m, CancellationToken ct) =>
        {
            var instance = await m.Send(new StartInstance.Command(key, body.DossierId, body.Version, body.Variables), ct);
            return TypedResults.Created($"/workflows/instances/{instance.Id}", instance);
        }).RequireAuthorization(Policies.Planning);

        operations.MapPost("/{key}/migrate", async Task<Ok<IReadOnlyList<MigrateInstances.InstanceReport>>> (string key, MigrateRequest body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new MigrateInstances.Command(key, body.FromVersion, body.ToVersion, body.Mapping, body.InstanceIds, body.DryRun), ct)))
            .RequireAuthorization(Policies.Admin);

        operations.MapGet("/{key}/migration-plan", async Task<Ok<ProposeMigration.Plan>> (string key, int from, int to, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ProposeMigration.Query(key, from, to), ct)))
            .RequireAuthorization(Policies.Admin);

        var instances = app.MapGroup("/workflows/instances").WithTags("Workflow instances").RequireAuthorization(Policies.Staff)
            .Refuses("unreadable-definition").Refuses(Workflow.Application.Common.Reasons.Engine);

        instances.MapGet("/", async Task<Ok<IReadOnlyList<InstanceSummary>>> (string? key, int? version, Guid? dossierId, string? dossier, string? status,
                bool? incidents, int? skip, int? limit, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListInstances.Query(key, version, dossierId, Enums.Parse<InstanceStatus>(status, "status"), limit ?? 100, dossier, skip ?? 0,
                incidents ?? false), ct)));

        instances.MapGet("/{id:guid}", async Task<Ok<InstanceDetail>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GetInstance.Query(id), ct)));

        instances.MapPost("/{id:guid}/cancel", async Task<Ok<InstanceSummary>> (Guid id, CancelRequest body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new CancelInstance.Command(id, body.Reason), ct))).RequireAuthorization(Policies.Design);

        instances.MapPost("/{id:guid}/incidents/{incidentId:guid}/retry", async Task<Ok<InstanceSummary>> (Guid id, Guid incidentId, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new RetryIncident.Command(id, incidentId), ct))).RequireAuthorization(Policies.Design);

        instances.MapPost("/{id:guid}/incidents/{incidentId:guid}/skip", async Task<Ok<InstanceSummary>> (Guid id, Guid incidentId, SkipRequest? body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new SkipIncident.Command(id, incidentId, body?.Variables), ct))).RequireAuthorization(Policies.Design);
    }
}
