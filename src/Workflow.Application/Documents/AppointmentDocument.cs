using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Dossiers;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Application.Scheduling;

namespace Workflow.Application.Documents;

/// <summary>A file attached to an appointment (a report, photos, a quote), kept in the database with the rest of the dossier.</summary>
public sealed class AppointmentDocument : Entity
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>What a dossier reasonably holds; executables and scripts never.</summary>
    public static readonly IReadOnlyDictionary<string, string> Allowed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".txt"] = "text/plain",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".eml"] = "message/rfc822",
    };

    private AppointmentDocument() { }

    public AppointmentDocument(Guid appointmentId, string fileName, byte[] content, Guid by, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        AppointmentId = appointmentId;
        FileName = fileName;
        ContentType = Allowed[Path.GetExtension(fileName)];
        Size = content.LongLength;
        Content = content;
        UploadedById = by;
        UploadedAt = now;
        Raise(new DocumentAttached(Id, appointmentId, FileName, now));
    }

    public Guid Id { get; private set; }

    public Guid AppointmentId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public byte[] Content { get; private set; } = [];

    public Guid UploadedById { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
}

public sealed record DocumentAttached(Guid DocumentId, Guid AppointmentId, string FileName, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record DocumentDto(Guid Id, Guid AppointmentId, string FileName, string ContentType, long Size, Guid UploadedById, DateTimeOffset UploadedAt);

public sealed record DocumentContent(string FileName, string ContentType, byte[] Content);

public static class AttachDocument
{
    public sealed record Command(Guid AppointmentId, string FileName, byte[] Content) : ICommand<DocumentDto>, IOnAppointment;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.FileName).NotEmpty().MaximumLength(255)
                .Must(n => n.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && !n.Contains("..", StringComparison.Ordinal)).WithMessage("The file name is not a plain file name.")
                .Must(n => AppointmentDocument.Allowed.ContainsKey(Path.GetExtension(n)))
                .WithMessage($"Allowed file types: {string.Join(", ", AppointmentDocument.Allowed.Keys)}.");
            RuleFor(c => c.Content).NotNull().Must(c => c.Length > 0).WithMessage("The file is empty.")
                .Must(c => c.LongLength <= AppointmentDocument.MaxBytes).WithMessage("A document is at most 10 MB.");
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, DocumentDto>
    {
        public async Task<DocumentDto> Handle(Command command, CancellationToken ct)
        {
            var (appointment, _) = await AppointmentAccess.LoadVisible(db, command.AppointmentId, user, ct);
            if (await db.AppointmentDocuments.CountAsync(d => d.AppointmentId == appointment.Id, ct) >= 50)
                throw new DomainException("too-many-documents", "An appointment holds at most 50 documents.");
            var document = new AppointmentDocument(appointment.Id, Path.GetFileName(command.FileName), command.Content, user.RequireId(), clock.GetUtcNow());
            db.AppointmentDocuments.Add(document);
            return new DocumentDto(document.Id, document.AppointmentId, document.FileName, document.ContentType, document.Size, document.UploadedById, document.UploadedAt);
        }
    }
}

public static class ListDocuments
{
    public sealed record Query(Guid AppointmentId) : IQuery<IReadOnlyList<DocumentDto>>, IOnAppointment;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, IReadOnlyList<DocumentDto>>
    {
        public async Task<IReadOnlyList<DocumentDto>> Handle(Query query, CancellationToken ct)
        {
            var (appointment, _) = await AppointmentAccess.LoadVisible(db, query.AppointmentId, user, ct);
            return await db.AppointmentDocuments.Where(d => d.AppointmentId == appointment.Id).OrderBy(d => d.UploadedAt)
                .Select(d => new DocumentDto(d.Id, d.AppointmentId, d.FileName, d.ContentType, d.Size, d.UploadedById, d.UploadedAt)).ToListAsync(ct);
        }
    }
}

public static class GetDocument
{
    public sealed record Query(Guid AppointmentId, Guid DocumentId) : IQuery<DocumentContent>, IOnAppointment;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, DocumentContent>
    {
        public async Task<DocumentContent> Handle(Query query, CancellationToken ct)
        {
            var (appointment, _) = await AppointmentAccess.LoadVisible(db, query.AppointmentId, user, ct);
            return await db.AppointmentDocuments.Where(d => d.AppointmentId == appointment.Id && d.Id == query.DocumentId)
                       .Select(d => new DocumentContent(d.FileName, d.ContentType, d.Content)).SingleOrDefaultAsync(ct)
                   ?? throw new NotFoundException("Document", query.DocumentId);
        }
    }
}

public static class RemoveDocument
{
    public sealed record Command(Guid AppointmentId, Guid DocumentId) : ICommand<MediatR.Unit>, IOnAppointment;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command command, CancellationToken ct)
        {
            var (appointment, _) = await AppointmentAccess.LoadForChange(db, command.AppointmentId, user, ct);
            var removed = await db.AppointmentDocuments.Where(d => d.AppointmentId == appointment.Id && d.Id == command.DocumentId).ExecuteDeleteAsync(ct);
            return removed == 0 ? throw new NotFoundException("Document", command.DocumentId) : MediatR.Unit.Value;
        }
    }
}
