using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Dossiers;
using Workflow.Application.Persistence;
using Workflow.Application.Scheduling;

namespace Workflow.Application.Exchanges;

/// <summary>A dated record on the dossier of what happened at an appointment: who was there and what was said or decided.</summary>
public sealed class Exchange : Entity
{
    private Exchange() { }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public Guid? AppointmentId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string Title { get; private set; } = "";

    public string Notes { get; private set; } = "";

    public List<string> Participants { get; private set; } = [];

    public Guid CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Only an appointment that took place becomes an exchange.</summary>
    public static Exchange FromAppointment(Appointment appointment, IEnumerable<string> participants, string notes, Guid by, DateTimeOffset now)
    {
        if (appointment.Status != AppointmentStatus.Done)
            throw new DomainException("not-done", $"Only a done appointment becomes an exchange; this one is {Kebab.Of(appointment.Status)}.");
        var exchange = new Exchange
        {
            Id = Guid.CreateVersion7(now),
            DossierId = appointment.DossierId,
            AppointmentId = appointment.Id,
            OccurredAt = appointment.Start!.Value,
            Title = appointment.Title,
            Notes = notes,
            Participants = participants.Distinct().ToList(),
            CreatedById = by,
            CreatedAt = now,
        };
        exchange.Raise(new ExchangeRecorded(exchange.Id, exchange.DossierId, appointment.Id, now));
        return exchange;
    }
}

public sealed record ExchangeRecorded(Guid ExchangeId, Guid DossierId, Guid? AppointmentId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ExchangeDto(Guid Id, Guid DossierId, Guid? AppointmentId, DateTimeOffset OccurredAt, string Title, string Notes, IReadOnlyList<string> Participants, Guid CreatedById, DateTimeOffset CreatedAt)
{
    public static ExchangeDto From(Exchange e) => new(e.Id, e.DossierId, e.AppointmentId, e.OccurredAt, e.Title, e.Notes, e.Participants, e.CreatedById, e.CreatedAt);
}

public static class RecordExchange
{
    /// <summary>Turns a done appointment into an exchange, once, with the people it concerned.</summary>
    public sealed record Command(Guid AppointmentId, string Notes) : ICommand<ExchangeDto>, IOnAppointment;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AppointmentId).NotEmpty();
            RuleFor(c => c.Notes).NotNull().MaximumLength(20_000);
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, ExchangeDto>
    {
        public async Task<ExchangeDto> Handle(Command command, CancellationToken ct)
        {
            var (appointment, dossier) = await AppointmentAccess.LoadForChange(db, command.AppointmentId, user, ct);
            if (await db.Exchanges.AnyAsync(e => e.AppointmentId == appointment.Id, ct))
                throw new DomainException("duplicate", "This appointment is already recorded as an exchange.");
            var view = await AppointmentView.ToDto(db, appointment, ct);
            var names = view.Parties.Select(p => p.Name).Prepend(view.MainUserName ?? "").Where(n => n.Length > 0);
            var exchange = Exchange.FromAppointment(appointment, names, command.Notes.Trim(), user.RequireId(), clock.GetUtcNow());
            db.Exchanges.Add(exchange);
            return ExchangeDto.From(exchange);
        }
    }
}

public static class DossierExchanges
{
    public sealed record Query(Guid DossierId) : IQuery<IReadOnlyList<ExchangeDto>>, IOnDossier;

    internal sealed class Handler(AppDbContext db, CurrentUser user) : MediatR.IRequestHandler<Query, IReadOnlyList<ExchangeDto>>
    {
        public async Task<IReadOnlyList<ExchangeDto>> Handle(Query query, CancellationToken ct)
        {
            var dossier = await db.LoadVisible(query.DossierId, user, ct);
            var exchanges = await db.Exchanges.AsNoTracking().Where(e => e.DossierId == dossier.Id).OrderByDescending(e => e.OccurredAt).ToListAsync(ct);
            return exchanges.Select(ExchangeDto.From).ToList();
        }
    }
}
