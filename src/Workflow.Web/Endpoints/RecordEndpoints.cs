using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Application.Documents;
using Workflow.Application.Exchanges;
using Workflow.Web.Infrastructure;

namespace Workflow.Web.Endpoints;

/// <summary>What an appointment leaves behind: exchanges on the dossier and attached documents.</summary>
public static class RecordEndpoints
{
    public sealed record ExchangeRequest(string Notes);

    /// <summary>A document travels with its own type, one of the few a dossier may hold.</summary>
    private static readonly string[] ContentTypes = [.. AppointmentDocument.Allowed.Values.Distinct()];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/appointments/{id:guid}/exchange", async Task<Created<ExchangeDto>> (Guid id, ExchangeRequest body, IMediator m, CancellationToken ct) =>
            {
                var exchange = await m.Send(new RecordExchange.Command(id, body.Notes), ct);
                return TypedResults.Created($"/dossiers/{exchange.DossierId}/exchanges", exchange);
            })
            .WithTags("Appointments").RequireAuthorization(Policies.Booking).Refuses("not-done", "not-organiser");

        app.MapGet("/dossiers/{id:guid}/exchanges", async Task<Ok<IReadOnlyList<ExchangeDto>>> (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new DossierExchanges.Query(id), ct)))
            .WithTags("Dossiers").RequireAuthorization(Policies.Staff);

        app.MapGet("/dossiers/{id:guid}/documents", async Task<Ok<IReadOnlyList<DossierDocuments.Item>>> (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new DossierDocuments.Query(id), ct)))
            .WithTags("Dossiers").RequireAuthorization(Policies.Staff);

        var documents = app.MapGroup("/appointments/{id:guid}/documents").WithTags("Documents").RequireAuthorization(Policies.Staff)
            .Refuses("too-many-documents", "not-organiser");

        // Scripts and the browser send files as multipart/form-data; bearer or SameSite=Strict cookie, so no antiforgery token.
        documents.MapPost("/", async Task<Created<DocumentDto>> (Guid id, IFormFile file, IMediator m, CancellationToken ct) =>
        {
            if (file.Length > AppointmentDocument.MaxBytes)
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("file", "A document is at most 10 MB.")]);
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var document = await m.Send(new AttachDocument.Command(id, file.FileName, buffer.ToArray()), ct);
            return TypedResults.Created($"/appointments/{id}/documents/{document.Id}", document);
        }).DisableAntiforgery();

        documents.MapGet("/", async Task<Ok<IReadOnlyList<DocumentDto>>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListDocuments.Query(id), ct)));

        documents.MapGet("/{documentId:guid}", async Task<FileContentHttpResult> (Guid id, Guid documentId, IMediator m, CancellationToken ct) =>
        {
            var document = await m.Send(new GetDocument.Query(id, documentId), ct);
            return TypedResults.File(document.Content, document.ContentType, document.FileName);
        }).Produces<Stream>(StatusCodes.Status200OK, ContentTypes[0], ContentTypes[1..]);

        documents.MapDelete("/{documentId:guid}", async Task<NoContent> (Guid id, Guid documentId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RemoveDocument.Command(id, documentId), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Booking);
    }
}
