using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Application.Skills;

namespace Workflow.Application.Dossiers;

public static class CreateDossier
{
    /// <summary>Opens a dossier. Without a reference one is generated from the kind and the year (EXP-2026-00042).</summary>
    public sealed record Command(string Title, string Kind, Guid ReferentId, string? Reference = null, IReadOnlyList<string>? RequiredSkills = null,
        Address? Address = null, bool Urgent = false, bool Confidential = false) : ICommand<DossierDto>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(300);
            RuleFor(c => c.Kind).NotEmpty().MaximumLength(64).Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
                .WithMessage("A dossier kind is lower-case words joined by hyphens, e.g. 'expertise' or 'follow-up'.");
            RuleFor(c => c.ReferentId).NotEmpty();
            RuleFor(c => c.Reference).MaximumLength(64).Matches("^[A-Za-z0-9][A-Za-z0-9/_.-]*$").When(c => c.Reference is not null);
            RuleFor(c => c.Address!).SetValidator(new AddressValidator()).When(c => c.Address is not null);
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, DossierDto>
    {
        public async Task<DossierDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var referent = await db.Users.Where(u => u.Id == command.ReferentId).Select(u => new { u.Id, u.FullName, u.Email }).SingleOrDefaultAsync(cancellationToken)
                           ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("referentId", "No user has this id.")]);
            var skills = await SkillCatalogue.RequireKnown(db, command.RequiredSkills ?? [], cancellationToken);
            var now = clock.GetUtcNow();
            var reference = command.Reference ?? await NextReference(command.Kind, now, cancellationToken);
            if (await db.Dossiers.AnyAsync(d => d.Reference == reference, cancellationToken))
                throw new DomainException("duplicate", $"A dossier with reference '{reference}' already exists.");

            var dossier = Dossier.Open(reference, command.Title.Trim(), command.Kind, referent.Id, skills, command.Address,
                command.Urgent, command.Confidential, user.RequireId(), now);
            dossier.AddParticipant(ParticipantKind.InternalUser, "referent", referent.Id, referent.FullName, referent.Email, null, null, now);
            db.Dossiers.Add(dossier);
            return DossierDto.From(dossier);
        }

        private async Task<string> NextReference(string kind, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var prefix = new string(kind.Where(char.IsLetterOrDigit).Take(3).ToArray()).ToUpperInvariant();
            return $"{prefix}-{now.Year}-{await db.NextDossierNumber(cancellationToken):D5}";
        }
    }
}
