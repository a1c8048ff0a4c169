using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Common;
using Workflow.Application.Common.Messaging;
using Workflow.Application.Persistence;
using Workflow.Application.Skills;

namespace Workflow.Application.Dossiers;

public static class UpdateDossier
{
    /// <summary>
    /// Changes what a planner may change on an open dossier; a part left null stays as it is. The address, optional,
    /// is taken away with <paramref name="RemoveAddress"/> (a null address means "unchanged", like every other part).
    /// </summary>
    public sealed record Command(Guid DossierId, string? Title = null, IReadOnlyList<string>? RequiredSkills = null, Address? Address = null,
        bool? Urgent = null, bool? Confidential = null, Guid? ReferentId = null, bool RemoveAddress = false) : ICommand<DossierDto>, IOnDossier;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DossierId).NotEmpty();
            RuleFor(c => c.Title).NotEmpty().MaximumLength(300).When(c => c.Title is not null);
            RuleFor(c => c.ReferentId).NotEqual(Guid.Empty).When(c => c.ReferentId is not null);
            RuleFor(c => c.Address!).SetValidator(new AddressValidator()).When(c => c.Address is not null);
            RuleFor(c => c.RemoveAddress).Equal(false).When(c => c.Address is not null).WithMessage("Give an address or remove it, not both.");
        }
    }

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, DossierDto>
    {
        public async Task<DossierDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var dossier = await db.LoadVisible(command.DossierId, user, cancellationToken);
            var skills = command.RequiredSkills is null ? dossier.RequiredSkills : await SkillCatalogue.RequireKnown(db, command.RequiredSkills, cancellationToken);
            dossier.Update(command.Title?.Trim() ?? dossier.Title, skills, command.RemoveAddress ? null : command.Address ?? dossier.Address,
                command.Urgent ?? dossier.Urgent, command.Confidential ?? dossier.Confidential);
            if (command.ReferentId is { } referentId && referentId != dossier.ReferentId)
            {
                var referent = await db.Users.Where(u => u.Id == referentId).Select(u => new { u.Id, u.FullName, u.Email }).SingleOrDefaultAsync(cancellationToken)
                               ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("referentId", "No user has this id.")]);
                dossier.ChangeReferent(referent.Id);
                dossier.AssignInternalUser("referent", referent.Id, referent.FullName, referent.Email, clock.GetUtcNow());
            }
            return DossierDto.From(dossier);
        }
    }
}

public static class CloseDossier
{
    public sealed record Command(Guid DossierId) : ICommand<DossierDto>, IOnDossier;

    internal sealed class Handler(AppDbContext db, CurrentUser user, TimeProvider clock) : MediatR.IRequestHandler<Command, DossierDto>
    {
        public async Task<DossierDto> Handle(Command command, CancellationToken cancellationToken)
        {
            var dossier = await db.LoadVisible(command.DossierId, user, cancellationToken);
            dossier.Close(clock.GetUtcNow());
            return DossierDto.From(dossier);
        }
    }
}
